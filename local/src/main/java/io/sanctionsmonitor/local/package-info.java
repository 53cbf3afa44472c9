/** Runs both functions against moto_server the way Lambda and API Gateway would. */
package io.sanctionsmonitor.local;
