/**
 * The staff desks in the browser: static pages and small scripts under {@code /desk/},
 * served by the gateway itself. They hold no data and call the API with the signed-in
 * user's token, so the API's rules decide what each role sees.
 */
package org.dak.gateway.desk;
