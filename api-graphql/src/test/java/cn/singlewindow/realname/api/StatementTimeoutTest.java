package cn.singlewindow.realname.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** With Axon's handler time-outs off, PostgreSQL ends any statement that runs past a minute (docs/operations.md). */
class StatementTimeoutTest extends RunningService {

    @Test
    void the_pooled_connections_end_statements_after_a_minute() {
        assertThat(jdbc.queryForObject("SHOW statement_timeout", String.class)).isEqualTo("1min");
    }
}
