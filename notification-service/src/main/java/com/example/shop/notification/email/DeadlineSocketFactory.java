package com.example.shop.notification.email;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import javax.net.SocketFactory;

/**
 * Creates SMTP sockets that are closed by force {@code lifetime} after they were created. JavaMail's timeouts apply
 * to each read and write separately, so a slow server can keep one send going for far longer than any of them;
 * closing the socket from another thread ends every blocked read or write at once, which makes the lifetime an
 * upper bound of one send (Spring's JavaMailSenderImpl opens one connection per send).
 */
final class DeadlineSocketFactory extends SocketFactory {

    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "smtp-send-deadline");
        thread.setDaemon(true);
        return thread;
    });

    private final Duration lifetime;

    DeadlineSocketFactory(Duration lifetime) {
        this.lifetime = lifetime;
    }

    @Override
    public Socket createSocket() {
        return new DeadlineSocket(lifetime);
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        Socket socket = createSocket();
        socket.connect(new InetSocketAddress(host, port));
        return socket;
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        Socket socket = createSocket();
        socket.bind(new InetSocketAddress(localHost, localPort));
        socket.connect(new InetSocketAddress(host, port));
        return socket;
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        Socket socket = createSocket();
        socket.connect(new InetSocketAddress(host, port));
        return socket;
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        Socket socket = createSocket();
        socket.bind(new InetSocketAddress(localAddress, localPort));
        socket.connect(new InetSocketAddress(address, port));
        return socket;
    }

    /** A socket with its own scheduled forced close, cancelled when it is closed normally. */
    private static final class DeadlineSocket extends Socket {

        private final ScheduledFuture<?> deadline;

        DeadlineSocket(Duration lifetime) {
            this.deadline = WATCHDOG.schedule(this::closeQuietly, lifetime.toMillis(), TimeUnit.MILLISECONDS);
        }

        private void closeQuietly() {
            try {
                super.close();
            }
            catch (IOException ex) {
                // Nothing left to do: the sending thread sees the socket fail either way.
            }
        }

        @Override
        public void close() throws IOException {
            deadline.cancel(false);
            super.close();
        }
    }
}
