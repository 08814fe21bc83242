package org.greffe.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Starts Greffe: every service in one process, against the configured or the embedded PostgreSQL. */
@SpringBootApplication(scanBasePackages = "org.greffe")
public class GreffeApplication {

    public static void main(String[] args) {
        // Courts and NGOs must not have their servers report to a vendor: Axon's update check stays off.
        System.setProperty("axoniq.update-checker.disabled",
                System.getProperty("axoniq.update-checker.disabled", "true"));
        SpringApplication.run(GreffeApplication.class, args);
    }
}
