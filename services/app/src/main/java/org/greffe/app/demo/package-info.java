/**
 * Demo mode: a first start on an empty event store loads the demo docket, so that a newcomer who runs the jar sees
 * a populated registry at once. On by default with the embedded database only; real data never gets demo cases
 * unless asked for, and {@link org.greffe.app.demo.DemoLog} tells when the log holds anything the demo did not write,
 * after which the demo users are refused.
 */
package org.greffe.app.demo;
