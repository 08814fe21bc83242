package org.greffe.registry.web;

import org.greffe.registry.model.Wording;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;

import java.time.LocalDate;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The registry's words as a request reads them: French for a French request, the registry's English otherwise. */
class MessageSourceWordsTest {

    private final MessageSourceWords words = new MessageSourceWords();

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void aFrenchMessageWithoutArgumentsReadsItsApostrophesOnce() {
        LocaleContextHolder.setLocale(Locale.FRENCH);
        assertThat(words.say(Wording.of("title.rule-violated"), "A rule of the case lifecycle was broken"))
                .isEqualTo("Une règle de la vie du dossier n'est pas respectée");
    }

    @Test
    void argumentsAreSaidInFrenchTooDatesAsFrenchReadersWriteThem() {
        LocaleContextHolder.setLocale(Locale.forLanguageTag("fr-ML"));
        Wording wording = Wording.of("date.in-future", Wording.of("what.filing"), LocalDate.of(2030, 3, 14),
                LocalDate.of(2026, 12, 2));
        assertThat(words.say(wording, "filed on 2030-03-14 is after today, 2026-12-02"))
                .isEqualTo("pour l'enregistrement, la date du 14/03/2030 est après aujourd'hui (02/12/2026)");
    }

    @Test
    void englishOrAnotherLanguageOrAnUnknownCodeGetsTheRegistrysEnglish() {
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(words.say(Wording.of("title.rule-violated"), "English")).isEqualTo("English");
        LocaleContextHolder.setLocale(Locale.GERMAN);
        assertThat(words.say(Wording.of("title.rule-violated"), "English")).isEqualTo("English");
        LocaleContextHolder.setLocale(Locale.FRENCH);
        assertThat(words.say(Wording.of("no.such.code"), "English")).isEqualTo("English");
        assertThat(words.say((Wording) null, "English")).isEqualTo("English");
    }
}
