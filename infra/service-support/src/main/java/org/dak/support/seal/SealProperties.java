package org.dak.support.seal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the sealing keys are (a path, or a {@code classpath:}/{@code file:} location).
 *
 * @param publicKeyLocation the notification service's RSA public key (PEM), for services
 * that seal
 * @param privateKeyLocation its private key (PKCS#8 PEM), in the notification service
 * only
 */
@ConfigurationProperties("dak.seal")
public record SealProperties(String publicKeyLocation, String privateKeyLocation) {
}
