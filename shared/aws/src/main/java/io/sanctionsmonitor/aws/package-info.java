/** AWS adapters behind the core's ports. */
package io.sanctionsmonitor.aws;
