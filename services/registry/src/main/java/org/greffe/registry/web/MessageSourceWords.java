package org.greffe.registry.web;

import org.greffe.registry.application.Words;
import org.greffe.registry.model.Wording;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The registry's words in the language of the request ({@code Accept-Language}, as the application's locale resolver
 * chose it): English as the registry words it, French from {@code org/greffe/registry/messages_fr.properties}. Dates
 * are written as people write them in French (14/03/2019); codes (rules, enum values, identifiers) stay as they are.
 */
@Component
class MessageSourceWords implements Words {

    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final MessageSource messages;

    MessageSourceWords() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("org/greffe/registry/messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        // Every message through MessageFormat, with arguments or not, so that '' always reads as one apostrophe.
        source.setAlwaysUseMessageFormat(true);
        this.messages = source;
    }

    @Override
    public String say(Wording wording, String english) {
        Locale locale = LocaleContextHolder.getLocale();
        if (wording == null || !"fr".equals(locale.getLanguage())) {
            return english;
        }
        String said = said(wording, locale);
        return said == null ? english : said;
    }

    /** The wording in the language, or null when the language has no message for it. */
    private String said(Wording wording, Locale locale) {
        Object[] arguments = wording.arguments().stream().map(argument -> argument(argument, locale)).toArray();
        return messages.getMessage(wording.code(), arguments, null, locale);
    }

    private Object argument(Object argument, Locale locale) {
        if (argument instanceof Wording word) {
            String said = said(word, locale);
            return said == null ? word.code() : said;
        }
        if (argument instanceof LocalDate date) {
            return date.format(FRENCH_DATE);
        }
        return String.valueOf(argument);
    }
}
