package org.greffe.registry.model;

/**
 * The docket numbers courts write: an optional short code, a year and a number, such as {@code RG-2019-0042},
 * {@code RG/2019/42} or {@code TGI-CIII-2020-015}. Letters come in runs of at most six and eight in all, so a code
 * fits and a name or word does not; no space, so no two words; no run of more than seven digits, so a phone number
 * written in one piece does not fit either.
 */
record CourtDocketNumberFormat() implements DocketNumberFormat {

    static final int MAX_LENGTH = 32;
    static final int MAX_LETTER_RUN = 6;
    static final int MAX_LETTERS = 8;
    static final int MAX_DIGIT_RUN = 7;

    @Override
    public boolean accepts(String docketNumber) {
        String normalized = DocketNumbers.normalized(docketNumber);
        if (normalized.isEmpty() || normalized.length() > MAX_LENGTH) {
            return false;
        }
        boolean year = false;
        boolean number = false;
        int letters = 0;
        for (String segment : normalized.split("[-/.]", -1)) {
            if (!shortRuns(segment)) {
                return false;
            }
            letters += (int) segment.chars().filter(Character::isLetter).count();
            if (segment.chars().allMatch(c -> c >= '0' && c <= '9')) {
                if (!year && isYear(segment)) {
                    year = true;
                } else {
                    number = true;
                }
            }
        }
        return year && number && letters <= MAX_LETTERS;
    }

    @Override
    public String expected() {
        return "a docket number such as RG-2019-0042 or RG/2019/42: an optional code (letters at most "
                + MAX_LETTER_RUN + " in a row), a year from 1960 to 2099 and a number, joined by - / or .";
    }

    @Override
    public Wording expectedWording() {
        return Wording.of("docket.format-standard", MAX_LETTER_RUN);
    }

    /** Not empty, only ASCII letters and digits, and no run of letters or digits longer than allowed. */
    private static boolean shortRuns(String segment) {
        if (segment.isEmpty()) {
            return false;
        }
        int letterRun = 0;
        int digitRun = 0;
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                letterRun++;
                digitRun = 0;
            } else if (c >= '0' && c <= '9') {
                digitRun++;
                letterRun = 0;
            } else {
                return false;
            }
            if (letterRun > MAX_LETTER_RUN || digitRun > MAX_DIGIT_RUN) {
                return false;
            }
        }
        return true;
    }

    private static boolean isYear(String digits) {
        if (digits.length() != 4) {
            return false;
        }
        int year = Integer.parseInt(digits);
        return year >= 1960 && year <= 2099;
    }
}
