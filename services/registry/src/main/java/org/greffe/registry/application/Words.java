package org.greffe.registry.application;

import org.greffe.registry.model.Wording;

import java.util.Optional;

/**
 * Says what the registry words, in the reader's language: the registry words everything in English itself, and an
 * implementation looks the wording's code up for another language, falling back to the English when it has none.
 */
@FunctionalInterface
public interface Words {

    /** The registry's own English. */
    Words ENGLISH = (wording, english) -> english;

    /**
     * @param wording what to say, as a code and arguments; null when it has not been worded for translation
     * @param english the same in English
     */
    String say(Wording wording, String english);

    default String say(Optional<Wording> wording, String english) {
        return say(wording.orElse(null), english);
    }
}
