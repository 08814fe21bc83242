package org.greffe.app;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

import java.util.List;
import java.util.Locale;

/**
 * The language Greffe answers in: French or English as the request's {@code Accept-Language} prefers, English when it
 * names neither or is absent, whatever the server's own locale. Problem details, field errors and validation
 * messages follow it; codes (rules, enum values, problem types) never change with it.
 */
@Configuration(proxyBeanMethods = false)
class LanguageConfiguration {

    static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.FRENCH);

    @Bean
    LocaleResolver localeResolver() {
        AcceptHeaderLocaleResolver resolver = new AcceptHeaderLocaleResolver();
        resolver.setSupportedLocales(LANGUAGES);
        resolver.setDefaultLocale(Locale.ENGLISH);
        return resolver;
    }
}
