package id.ucj.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A loopback TCP forwarder in front of a real server, to take that server off the network
 * and bring it back on the same address while it keeps its data: what a client sees when
 * a broker or a database goes away and returns. {@link #cut()} closes every connection
 * and refuses new ones; {@link #restore()} listens again.
 */
public final class TcpProxy implements AutoCloseable {

	private final int port;

	private final Set<Socket> connections = ConcurrentHashMap.newKeySet();

	private final CountDownLatch targetKnown = new CountDownLatch(1);

	private volatile InetSocketAddress target;

	private ServerSocket server;

	private TcpProxy(int port) {
		this.port = port;
	}

	/**
	 * Listens on a free loopback port; forwards nothing until {@link #forwardTo} names
	 * the server.
	 */
	public static TcpProxy listen() {
		try (ServerSocket probe = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
			TcpProxy proxy = new TcpProxy(probe.getLocalPort());
			probe.close();
			proxy.restore();
			return proxy;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public TcpProxy forwardTo(String host, int port) {
		this.target = new InetSocketAddress(host, port);
		this.targetKnown.countDown();
		return this;
	}

	public int port() {
		return this.port;
	}

	/**
	 * Drops every open connection and refuses new ones, as if the server had gone away.
	 */
	public synchronized void cut() {
		closeQuietly(this.server);
		this.server = null;
		this.connections.forEach(TcpProxy::closeQuietly);
		this.connections.clear();
	}

	/** Accepts connections again, on the same port. */
	public synchronized void restore() {
		if (this.server != null) {
			return;
		}
		try {
			ServerSocket socket = new ServerSocket();
			socket.setReuseAddress(true);
			socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), this.port));
			this.server = socket;
			Thread acceptor = new Thread(() -> accept(socket), "tcp-proxy-" + this.port);
			acceptor.setDaemon(true);
			acceptor.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void accept(ServerSocket socket) {
		while (!socket.isClosed()) {
			try {
				Socket client = socket.accept();
				if (!this.targetKnown.await(30, TimeUnit.SECONDS)) {
					closeQuietly(client);
					continue;
				}
				Socket upstream = new Socket();
				upstream.connect(this.target, 5_000);
				synchronized (this) {
					// A connection accepted while cut() ran must not outlive the cut.
					if (this.server != socket) {
						closeQuietly(client);
						closeQuietly(upstream);
						continue;
					}
					this.connections.add(client);
					this.connections.add(upstream);
				}
				pump(client, upstream);
				pump(upstream, client);
			}
			catch (IOException ex) {
				// Closed by cut(), or the server refused: the client sees its connection
				// drop.
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private void pump(Socket from, Socket to) {
		Thread pump = new Thread(() -> {
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				in.transferTo(out);
			}
			catch (IOException ex) {
				// One side closed: close the other too.
			}
			finally {
				closeQuietly(from);
				closeQuietly(to);
				this.connections.remove(from);
				this.connections.remove(to);
			}
		}, "tcp-proxy-pump-" + this.port);
		pump.setDaemon(true);
		pump.start();
	}

	@Override
	public void close() {
		cut();
	}

	private static void closeQuietly(java.io.Closeable closeable) {
		try {
			if (closeable != null) {
				closeable.close();
			}
		}
		catch (IOException ex) {
			// Nothing left to do with it.
		}
	}

}
