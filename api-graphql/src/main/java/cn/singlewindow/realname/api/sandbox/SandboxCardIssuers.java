package cn.singlewindow.realname.api.sandbox;

import cn.singlewindow.realname.cardbridge.bankukey.BankUkeySettings;
import cn.singlewindow.realname.cardbridge.sandbox.SandboxBanks;
import cn.singlewindow.realname.cardbridge.sandbox.SandboxEPortCa;
import cn.singlewindow.realname.eventstore.storage.DataDirectory;
import java.io.IOException;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The sandbox's E-Port CA and banks, with their keys under the data directory. */
@Configuration(proxyBeanMethods = false)
@Profile("sandbox")
@EnableScheduling
class SandboxCardIssuers {

    @Bean
    SandboxEPortCa sandboxEPortCa(DataDirectory directory, Clock clock) throws IOException {
        return new SandboxEPortCa(directory.dataDir(), clock);
    }

    @Bean
    SandboxBanks sandboxBanks(DataDirectory directory, Clock clock, BankUkeySettings settings, JdbcTemplate jdbc)
            throws IOException {
        return new SandboxBanks(directory.dataDir(), clock, settings.sandboxBaseUrl(), jdbc);
    }
}
