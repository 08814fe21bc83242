package org.greffe.audit.web;

import org.greffe.audit.application.AccessLog;
import org.greffe.platform.access.RecordedAccess;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.time.Clock;

/** Puts the {@link AccessRecorder} in front of every endpoint; it acts on {@link RecordedAccess} ones only. */
@Configuration(proxyBeanMethods = false)
class AccessAuditing implements WebMvcConfigurer {

    private final AccessLog accessLog;
    private final Clock clock;

    AccessAuditing(AccessLog accessLog, Clock clock) {
        this.accessLog = accessLog;
        this.clock = clock;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new AccessRecorder(accessLog, clock));
    }
}
