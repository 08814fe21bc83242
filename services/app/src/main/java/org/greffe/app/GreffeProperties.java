package org.greffe.app;

import org.greffe.platform.settings.TimeStandardSettings;
import org.greffe.platform.settings.Tribunals;
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

    /** Binds these settings and those every service reads ({@code org.greffe.platform.settings}), once. */
    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({GreffeProperties.class, Tribunals.class, TimeStandardSettings.class})
    static class Enable {
    }
}
