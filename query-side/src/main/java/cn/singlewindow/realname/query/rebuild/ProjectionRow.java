package cn.singlewindow.realname.query.rebuild;

import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Transient;
import org.springframework.data.domain.Persistable;

/**
 * A read-model row whose id is assigned by the event, not generated. Knowing whether it is new lets Spring Data
 * insert it directly; otherwise {@code save} would first select it to decide between insert and update: one more
 * round trip per new row, live and in every replay.
 */
@MappedSuperclass
public abstract class ProjectionRow<K> implements Persistable<K> {

    @Transient
    private boolean isNew = true;

    @Override
    public boolean isNew() {
        return isNew;
    }

    @PostLoad
    @PostPersist
    void markStored() {
        isNew = false;
    }
}
