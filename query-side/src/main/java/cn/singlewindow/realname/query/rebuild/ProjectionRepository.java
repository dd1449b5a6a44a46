package cn.singlewindow.realname.query.rebuild;

import jakarta.persistence.EntityManager;
import java.util.Optional;
import org.springframework.data.jpa.repository.support.JpaEntityInformation;
import org.springframework.data.jpa.repository.support.SimpleJpaRepository;

/**
 * The read models' repositories: Spring Data's, except that during a rebuild they skip looking up rows it never
 * wrote and hold its new rows until the next flush ({@link RebuiltRows}).
 */
public class ProjectionRepository<T, K> extends SimpleJpaRepository<T, K> {

    private final JpaEntityInformation<T, ?> rows;

    public ProjectionRepository(JpaEntityInformation<T, ?> rows, EntityManager entityManager) {
        super(rows, entityManager);
        this.rows = rows;
    }

    @Override
    public Optional<T> findById(K key) {
        Object held = RebuiltRows.held(rows.getJavaType(), key);
        if (held != null) {
            return Optional.of(rows.getJavaType().cast(held));
        }
        if (RebuiltRows.surelyAbsent(rows.getJavaType(), key)) {
            return Optional.empty();
        }
        return super.findById(key);
    }

    @Override
    public <S extends T> S save(S row) {
        Object key = rows.getId(row);
        if (rows.isNew(row) && RebuiltRows.holdNew(rows.getJavaType(), key, row)) {
            return row;
        }
        S saved = super.save(row);
        RebuiltRows.written(rows.getJavaType(), key);
        return saved;
    }
}
