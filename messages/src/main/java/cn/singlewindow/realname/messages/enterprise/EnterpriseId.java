package cn.singlewindow.realname.messages.enterprise;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** Identity of an Enterprise aggregate. Axon stores {@link #toString()} as the aggregate identifier. */
public record EnterpriseId(String value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public EnterpriseId {
        Objects.requireNonNull(value, "enterprise id");
    }

    public static EnterpriseId create() {
        return new EnterpriseId(UUID.randomUUID().toString());
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
