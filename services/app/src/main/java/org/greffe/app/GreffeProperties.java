package org.greffe.app;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * Application-wide settings under {@code greffe}.
 *
 * @param dataDir  where the embedded PostgreSQL keeps its data ({@code GREFFE_DATA_DIR})
 * @param timeZone time zone of the courts, which decides what "today" is for the date rules
 */
@ConfigurationProperties("greffe")
public record GreffeProperties(String dataDir, String timeZone) {

    public GreffeProperties {
        timeZone = timeZone == null ? "Africa/Bamako" : timeZone;
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(GreffeProperties.class)
    static class Enable {
    }
}
