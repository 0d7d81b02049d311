package io.auditor.collect.ssh;

import com.jcraft.jsch.Channel;
import com.jcraft.jsch.Proxy;
import com.jcraft.jsch.Session;
import com.jcraft.jsch.SocketFactory;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;

/**
 * Reaches a device through a jump host: the SSH connection to the device runs inside a direct-tcpip channel
 * of the jump host's session (JSch's {@code Session.getStreamForwarder}), as OpenSSH's ProxyJump does, so no
 * local port is opened.
 */
final class ForwardedProxy implements Proxy {
    private final Session jump;
    private Channel channel;
    private InputStream in;
    private OutputStream out;

    ForwardedProxy(Session jump) {
        this.jump = jump;
    }

    @Override
    public void connect(SocketFactory ignored, String host, int port, int timeout) throws Exception {
        channel = jump.getStreamForwarder(host, port);
        in = channel.getInputStream();
        out = channel.getOutputStream();
        channel.connect(timeout);
    }

    @Override
    public InputStream getInputStream() {
        return in;
    }

    @Override
    public OutputStream getOutputStream() {
        return out;
    }

    @Override
    public Socket getSocket() {
        return null;
    }

    @Override
    public void close() {
        if (channel != null) channel.disconnect();
    }
}
