package org.greffe.app.database;

/** Greffe does not start on real data in a database that could lose or alter it; the message says what to do. */
public class DatabaseRefused extends RuntimeException {

    public DatabaseRefused(String message) {
        super(message);
    }
}
