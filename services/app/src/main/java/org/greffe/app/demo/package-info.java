/**
 * Demo mode: a first start on an empty event store loads the demo docket, so that a newcomer who runs the jar sees
 * a populated registry at once. On by default with the embedded database only; real data never gets demo cases
 * unless asked for.
 */
package org.greffe.app.demo;
