/** The api function's handler. */
package io.sanctionsmonitor.api;
