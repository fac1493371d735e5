package io.engagive.sdk.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A private certificate authority and a server certificate it signed for 127.0.0.1 and localhost,
 * made fresh by the JDK's keytool (valid for two days), like a corporate CA no JVM trusts by default.
 */
public final class TestCertificates {

    private static final char[] PASSWORD = "test-only".toCharArray();

    private final Path serverStore;
    private final Path caCertificate;

    private TestCertificates(Path serverStore, Path caCertificate) {
        this.serverStore = serverStore;
        this.caCertificate = caCertificate;
    }

    /** Creates the CA and the server's key and certificate chain in the directory. */
    public static TestCertificates create(Path directory) {
        Path ca = directory.resolve("ca.p12");
        Path server = directory.resolve("server.p12");
        Path request = directory.resolve("server.csr");
        Path signed = directory.resolve("server.crt");
        Path caCertificate = directory.resolve("ca.crt");
        keytool("-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=Engagive Test CA", "-ext", "bc:c", "-keystore", ca.toString());
        keytool("-exportcert", "-alias", "ca", "-rfc", "-keystore", ca.toString(), "-file", caCertificate.toString());
        keytool("-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=localhost", "-keystore", server.toString());
        keytool("-certreq", "-alias", "server", "-keystore", server.toString(), "-file", request.toString());
        keytool("-gencert", "-alias", "ca", "-keystore", ca.toString(), "-infile", request.toString(), "-outfile",
                signed.toString(), "-validity", "2", "-ext", "san=ip:127.0.0.1,dns:localhost", "-rfc");
        keytool("-importcert", "-alias", "ca", "-noprompt", "-keystore", server.toString(), "-file",
                caCertificate.toString());
        keytool("-importcert", "-alias", "server", "-keystore", server.toString(), "-file", signed.toString());
        return new TestCertificates(server, caCertificate);
    }

    /** The server's key and certificate chain, for a server that takes a key store (the sandbox). */
    public KeyStore serverKeyStore() {
        try (InputStream in = Files.newInputStream(serverStore)) {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(in, PASSWORD);
            return keys;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot load the server's test key", e);
        }
    }

    /** The password of {@link #serverKeyStore()} and its key. */
    public char[] serverKeyStorePassword() {
        return PASSWORD.clone();
    }

    /** A TLS context that presents the server's certificate chain. */
    public SSLContext serverContext() {
        try {
            KeyStore keys = serverKeyStore();
            KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            managers.init(keys, PASSWORD);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(managers.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot load the server's test key", e);
        }
    }

    /** A TLS context that trusts this CA and nothing else, as a client given the corporate CA would. */
    public SSLContext clientContextTrustingTheCa() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new javax.net.ssl.TrustManager[] {trustManagerForTheCa()}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot make a TLS context", e);
        }
    }

    /** A trust manager that trusts this CA and nothing else, for libraries configured with one (OkHttp). */
    public javax.net.ssl.X509TrustManager trustManagerForTheCa() {
        try (InputStream in = Files.newInputStream(caCertificate)) {
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            trusted.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
            TrustManagerFactory managers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            managers.init(trusted);
            return (javax.net.ssl.X509TrustManager) managers.getTrustManagers()[0];
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot load the test CA", e);
        }
    }

    private static void keytool(String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        command.addAll(List.of("-storetype", "PKCS12", "-storepass", new String(PASSWORD)));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("keytool " + arguments[0] + " failed: " + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run keytool", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running keytool", e);
        }
    }
}
