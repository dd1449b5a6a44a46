package cn.singlewindow.realname.messages.account;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** Identity of an Account aggregate. Axon stores {@link #toString()} as the aggregate identifier. */
public record AccountId(String value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public AccountId {
        Objects.requireNonNull(value, "account id");
    }

    public static AccountId create() {
        return new AccountId(UUID.randomUUID().toString());
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
