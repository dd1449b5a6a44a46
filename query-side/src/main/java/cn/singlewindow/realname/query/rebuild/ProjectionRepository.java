package cn.singlewindow.realname.query.rebuild;

import jakarta.persistence.EntityManager;
import java.util.Optional;
import org.springframework.data.jpa.repository.support.JpaEntityInformation;
import org.springframework.data.jpa.repository.support.SimpleJpaRepository;

/** The read models' repositories: Spring Data's, except that a rebuild skips looking up rows it never wrote. */
public class ProjectionRepository<T, K> extends SimpleJpaRepository<T, K> {

    private final JpaEntityInformation<T, ?> rows;

    public ProjectionRepository(JpaEntityInformation<T, ?> rows, EntityManager entityManager) {
        super(rows, entityManager);
        this.rows = rows;
    }

    @Override
    public Optional<T> findById(K key) {
        if (RebuiltRows.surelyAbsent(rows.getJavaType(), key)) {
            return Optional.empty();
        }
        return super.findById(key);
    }

    @Override
    public <S extends T> S save(S row) {
        S saved = super.save(row);
        RebuiltRows.written(rows.getJavaType(), rows.getId(saved));
        return saved;
    }
}
