package dev.txsuite.launcher.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/** Which ports on this machine can still be listened on. */
public final class LocalPorts {

    private LocalPorts() {}

    /** True when nothing listens on the port (on any address), which is what a service needs to bind it. */
    public static boolean isFree(int port) {
        try (var socket = new ServerSocket(port)) {
            return socket.getLocalPort() == port;
        } catch (IOException taken) {
            return false;
        }
    }

    /** Ports free right now, all different: the sockets stay open until every one is chosen. */
    public static List<Integer> freePorts(int count) {
        var sockets = new ArrayList<ServerSocket>();
        try {
            var ports = new ArrayList<Integer>();
            for (var i = 0; i < count; i++) {
                var socket = new ServerSocket(0);
                sockets.add(socket);
                ports.add(socket.getLocalPort());
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find free ports", e);
        } finally {
            for (var socket : sockets) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // the port is released either way
                }
            }
        }
    }
}
