package org.dak.routing;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The DM's marking desk: every received item lands in the inbox, and the DM marks it to a
 * department.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class RoutingApplication {

	public static void main(String[] args) {
		SpringApplication.run(RoutingApplication.class, args);
	}

}
