package io.auditor.samples.sim;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback port that accepts TCP connections and never says a word: what a hung SSH server, a tarpit or a
 * wrong port looks like to a client. For fault tests.
 */
public final class SilentPort implements AutoCloseable {
    private final ServerSocket socket;
    private final Thread acceptor;
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();

    public SilentPort() throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(() -> {
            while (!socket.isClosed()) {
                try {
                    accepted.add(socket.accept());
                } catch (IOException e) {
                    return;
                }
            }
        }, "silent-port-" + socket.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return socket.getLocalPort();
    }

    @Override
    public void close() throws IOException {
        socket.close();
        for (Socket s : accepted) s.close();
        try {
            acceptor.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A loopback port nothing listens on (bound, then released): connecting to it is refused. */
    public static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
