/** The processor function's handler. */
package io.sanctionsmonitor.processor;
