package cn.singlewindow.realname;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The whole service in one process: API, command side and query side (docs/architecture.md). */
@SpringBootApplication
public class RealnameApplication {

    public static void main(String[] args) {
        SpringApplication.run(RealnameApplication.class, args);
    }
}
