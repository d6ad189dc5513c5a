/**
 * Staff accounts: sign-in with a password (stored as a bcrypt hash) for a short-lived
 * access token and a refresh token, sign-out, password change, lock-out with back-off
 * after failed sign-ins, and the administrator's management of accounts and roles.
 */
package org.dak.gateway.account;
