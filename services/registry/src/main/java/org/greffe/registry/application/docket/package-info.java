/**
 * The CSV docket import: a file of case events read ({@code DocketFile}), each row's cells checked and converted
 * ({@code DocketCells}) into what happened ({@code DocketEntry}), which becomes the same command as the matching API
 * request and runs through the same command path, with an idempotency key derived from the row's fingerprint
 * ({@code DocketFingerprint}), so a file imported twice records once.
 */
package org.greffe.registry.application.docket;
