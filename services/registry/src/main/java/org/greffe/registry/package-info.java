/**
 * The registry: the write side of Greffe, where clerks record what happens to a case.
 *
 * <p>{@code model} holds the {@code Case} aggregate and its rules (Axon annotations, no Spring web, no JDBC);
 * {@code application} dispatches commands with their metadata and idempotency, and imports CSV dockets through the
 * same commands; {@code infrastructure} holds the PostgreSQL adapters and configuration; {@code web} is the HTTP
 * command API.
 */
package org.greffe.registry;
