package io.sanctionsmonitor.local;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bin/local's moto_server: started on a loopback port and stopped on close; one already running is reused, not stopped. */
class LocalStackMotoServerTest {

    @Test
    void startsOnAFreePortAndStopsOnClose(@TempDir Path dir) throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        MotoServer moto = MotoServer.start("127.0.0.1", port, dir.resolve("moto.log"));
        try {
            assertTrue(moto.started());
            assertTrue(MotoServer.isUp(moto.endpoint()));

            MotoServer again = MotoServer.start("127.0.0.1", port, dir.resolve("other.log"));
            assertFalse(again.started(), "a moto already answering is reused");
            again.close();
            assertTrue(MotoServer.isUp(moto.endpoint()), "closing the reused one leaves it running");
        } finally {
            moto.close();
        }
        assertFalse(MotoServer.isUp(moto.endpoint()));
    }
}
