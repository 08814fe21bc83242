package org.greffe.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Starts Greffe: every service in one process, against the configured or the embedded PostgreSQL. */
@SpringBootApplication(scanBasePackages = "org.greffe")
public class GreffeApplication {

    public static void main(String[] args) {
        SpringApplication.run(GreffeApplication.class, args);
    }
}
