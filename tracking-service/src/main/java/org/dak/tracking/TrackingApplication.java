package org.dak.tracking;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * One timeline per item from every event; the department queue and status updates; public
 * tracking by receipt number and access code.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TrackingApplication {

	public static void main(String[] args) {
		SpringApplication.run(TrackingApplication.class, args);
	}

}
