# Posture findings: for each finding code, what it means (`posture-<code>`) and what to do
# about it (`posture-<code>-fix`). The codes are crates/posture's catalogue; a test in the
# portal checks that every code has both sentences in every language.

posture-domain-invalid = The name given is not a valid domain name.
posture-domain-invalid-fix = Check the spelling; internationalised names are accepted and converted.
posture-domain-nxdomain = The domain does not exist in the DNS (NXDOMAIN); every other result follows from that.
posture-domain-nxdomain-fix = Check the spelling, or register and delegate the domain.
posture-check-timeout = This part of the check did not finish within the time budget, so its result is unknown.
posture-check-timeout-fix = Retry; if it keeps happening the domain's name servers are slow or unreachable.
posture-dnssec-missing = The domain is not signed with DNSSEC (the delegation is provably insecure), so resolvers cannot detect forged answers.
posture-dnssec-missing-fix = Sign the zone at your DNS operator and publish the DS record at your registrar.
posture-dnssec-bogus = DNSSEC validation fails: validating resolvers will refuse to answer for this domain, so mail and web break for most users.
posture-dnssec-bogus-fix = Re-sign the zone, or fix the DS record at the registrar; check the evidence for the exact failure.
posture-dnssec-signature-expired = The DNSSEC signatures have expired (or are not yet valid); validating resolvers treat the domain as bogus.
posture-dnssec-signature-expired-fix = Re-sign the zone and make sure automatic re-signing runs well before signatures expire.
posture-dnssec-ds-mismatch = The DS record at the parent matches no DNSKEY of the zone: the chain of trust is broken and the domain is bogus.
posture-dnssec-ds-mismatch-fix = Publish a DS that matches the current key-signing key (or roll the key back) at the registrar.
posture-dnssec-bad-signature = A DNSSEC signature does not verify with the zone's keys: the data was altered or signed with another key, and the domain is bogus.
posture-dnssec-bad-signature-fix = Re-sign the zone with the keys it publishes; check that every name server serves the same signed zone.
posture-dnssec-missing-signature = Signed data comes without its DNSSEC signature: validating resolvers treat the domain as bogus.
posture-dnssec-missing-signature-fix = Re-sign the zone and check that every name server serves the signed version.
posture-dnssec-unproven-denial = A negative answer (no DS, no such name) comes without a valid NSEC/NSEC3 proof, so the chain of trust cannot be followed and the domain is bogus.
posture-dnssec-unproven-denial-fix = Re-sign the zone so that NSEC or NSEC3 records are published and signed; check the parent zone if the DS proof is missing.
posture-dnssec-no-trust-anchor = The root keys match no configured trust anchor, so nothing can be validated (a problem of the checker's configuration or of the resolver's answers, not of this domain).
posture-dnssec-no-trust-anchor-fix = Check the trust anchor given to the checker and the resolver it uses.
posture-dnssec-indeterminate = The DNSSEC status could not be determined because a lookup failed; this is not the same as unsigned.
posture-dnssec-indeterminate-fix = Retry; check that the name servers answer DS and DNSKEY queries over UDP and TCP.
posture-dnssec-secure = The domain validates with DNSSEC from the trust anchor down.
posture-dnssec-secure-fix = Nothing to do; keep automatic signing in place.
posture-spf-missing = No SPF record: anyone can send mail claiming to come from this domain and receivers cannot tell.
posture-spf-missing-fix = Publish a TXT record such as "v=spf1 mx -all" listing the servers that send your mail.
posture-spf-multiple-records = More than one SPF record: receivers must treat this as a permanent error and ignore SPF altogether.
posture-spf-multiple-records-fix = Merge them into a single "v=spf1 ..." TXT record.
posture-spf-syntax-error = The SPF record does not follow RFC 7208 syntax; receivers treat it as a permanent error.
posture-spf-syntax-error-fix = Fix the term shown in the evidence.
posture-spf-pass-all = The SPF record ends in "+all": every server on the internet is authorised to send as this domain.
posture-spf-pass-all-fix = End the record with "-all" (or "~all" while testing).
posture-spf-neutral-all = The SPF record ends in "?all", which says nothing about unlisted senders.
posture-spf-neutral-all-fix = End the record with "-all".
posture-spf-softfail-all = The SPF record ends in "~all" (soft fail); with DMARC enforcement this is acceptable, "-all" is stricter.
posture-spf-softfail-all-fix = Consider "-all" once all senders are listed.
posture-spf-no-all = The SPF record has no "all" mechanism and no redirect, so unlisted senders get a neutral result.
posture-spf-no-all-fix = End the record with "-all".
posture-spf-ptr-mechanism = The SPF record uses "ptr", which RFC 7208 says not to use: it is slow, unreliable and may be ignored.
posture-spf-ptr-mechanism-fix = Replace ptr with ip4/ip6/a/mx mechanisms.
posture-spf-too-many-lookups = Evaluating the SPF record takes more than 10 DNS-querying terms (include, a, mx, ptr, exists, redirect); receivers return a permanent error.
posture-spf-too-many-lookups-fix = Flatten includes or remove unused ones so at most 10 lookups remain.
posture-spf-too-many-void-lookups = More than 2 lookups in the SPF evaluation return no data or NXDOMAIN; receivers return a permanent error.
posture-spf-too-many-void-lookups-fix = Remove mechanisms that point at names without records.
posture-spf-include-no-record = An include points at a domain without an SPF record, which is a permanent error.
posture-spf-include-no-record-fix = Remove the include or fix the target domain's SPF record.
posture-spf-include-loop = The SPF includes or redirects form a loop.
posture-spf-include-loop-fix = Remove the include or redirect that points back.
posture-spf-lookup-error = The SPF record (or a record it refers to) could not be looked up; the result is unknown, not missing.
posture-spf-lookup-error-fix = Check that the name servers answer TXT queries; retry.
posture-spf-redirect-ignored = The record has both "all" and "redirect="; the redirect is never used.
posture-spf-redirect-ignored-fix = Remove one of them.
posture-dmarc-missing = No DMARC record: receivers have no policy for mail that fails SPF and DKIM, and you get no reports.
posture-dmarc-missing-fix = Publish "v=DMARC1; p=reject; rua=mailto:..." at _dmarc.<domain> (start with p=none only while collecting reports).
posture-dmarc-multiple-records = More than one DMARC record: receivers must ignore DMARC altogether.
posture-dmarc-multiple-records-fix = Keep exactly one "v=DMARC1" TXT record at _dmarc.
posture-dmarc-syntax-error = The DMARC record does not follow RFC 7489 syntax.
posture-dmarc-syntax-error-fix = Fix the tag shown in the evidence.
posture-dmarc-policy-none = The DMARC policy is p=none: failing mail is delivered as usual, so spoofing is not stopped.
posture-dmarc-policy-none-fix = Move to p=quarantine and then p=reject once reports show legitimate mail passes.
posture-dmarc-policy-quarantine = The DMARC policy is p=quarantine; p=reject is the strongest protection.
posture-dmarc-policy-quarantine-fix = Move to p=reject when reports allow.
posture-dmarc-subdomain-policy-none = The subdomain policy is sp=none: spoofed mail from invented subdomains is delivered.
posture-dmarc-subdomain-policy-none-fix = Set sp=reject (or remove sp to inherit p).
posture-dmarc-pct-partial = pct is below 100: the policy applies to only part of the failing mail.
posture-dmarc-pct-partial-fix = Set pct=100 (or remove pct).
posture-dmarc-no-rua = No rua= aggregate report address: you will not see who sends mail as your domain.
posture-dmarc-no-rua-fix = Add rua=mailto:dmarc-reports@<your domain>.
posture-dmarc-rua-external-unauthorized = A report address is in another organisation's domain that has not authorised it (RFC 7489 7.1); receivers will not send those reports.
posture-dmarc-rua-external-unauthorized-fix = Ask the destination to publish "v=DMARC1" at <your domain>._report._dmarc.<their domain>.
posture-dmarc-inherited-from-org-domain = This domain has no DMARC record of its own; the organisational domain's record applies.
posture-dmarc-inherited-from-org-domain-fix = Nothing is required; publish one here to set a different policy.
posture-dmarc-lookup-error = The DMARC record could not be looked up; the result is unknown, not missing.
posture-dmarc-lookup-error-fix = Check that the name servers answer TXT queries for _dmarc; retry.
posture-dkim-missing = No DKIM key was found under the selectors tried; without DKIM, DMARC relies on SPF alone, which breaks on forwarding.
posture-dkim-missing-fix = Sign outgoing mail with DKIM and publish the key; pass your selector with --dkim-selector.
posture-dkim-key-malformed = A DKIM key record does not follow RFC 6376 or its key cannot be decoded; signatures made with it fail.
posture-dkim-key-malformed-fix = Republish the record from your mail system's DKIM setup.
posture-dkim-key-revoked = A DKIM selector has an empty key (p=): the key is revoked.
posture-dkim-key-revoked-fix = Nothing, if the selector is retired; otherwise publish the current key.
posture-dkim-key-too-short = A DKIM RSA key is shorter than 1024 bits and can be factored; receivers ignore such signatures.
posture-dkim-key-too-short-fix = Generate a 2048-bit RSA (or Ed25519 alongside RSA) key and rotate.
posture-dkim-key-weak = A DKIM RSA key is shorter than 2048 bits.
posture-dkim-key-weak-fix = Rotate to a 2048-bit RSA key.
posture-dkim-testing-mode = A DKIM key is in testing mode (t=y): receivers may treat its signatures as unsigned.
posture-dkim-testing-mode-fix = Remove t=y once signing works.
posture-dkim-lookup-error = A DKIM selector could not be looked up; the result is unknown.
posture-dkim-lookup-error-fix = Retry; check the name servers.
posture-mx-null = The domain publishes a null MX (RFC 7505): it declares it receives no mail; no-mail rules apply.
posture-mx-null-fix = Nothing; also publish "v=spf1 -all" and DMARC p=reject.
posture-mx-missing = No MX record: mail falls back to the domain's address records.
posture-mx-missing-fix = Publish MX records, or a null MX ("MX 0 .") if the domain takes no mail.
posture-mx-lookup-error = The MX records could not be looked up; the result is unknown.
posture-mx-lookup-error-fix = Check that the name servers answer MX queries.
posture-mx-host-unresolvable = An MX host has no address records; mail to it fails.
posture-mx-host-unresolvable-fix = Fix the MX target or its A/AAAA records.
posture-mta-sts-missing = No MTA-STS record: senders cannot insist on authenticated TLS to your MX hosts.
posture-mta-sts-missing-fix = Publish _mta-sts TXT "v=STSv1; id=..." and a policy at https://mta-sts.<domain>/.well-known/mta-sts.txt.
posture-mta-sts-syntax-error = The MTA-STS TXT record or policy file does not follow RFC 8461.
posture-mta-sts-syntax-error-fix = Fix the field shown in the evidence.
posture-mta-sts-mode-testing = The MTA-STS policy is in testing mode: failures are reported but not enforced.
posture-mta-sts-mode-testing-fix = Switch to mode: enforce once TLS reports are clean.
posture-mta-sts-mx-mismatch = An MX host is not covered by the MTA-STS policy's mx: patterns; enforcing senders will refuse to deliver to it.
posture-mta-sts-mx-mismatch-fix = Add the MX host (or a matching *.pattern) to the policy.
posture-mta-sts-policy-unreachable = The MTA-STS policy could not be fetched over validated HTTPS, so the policy is not in force.
posture-mta-sts-policy-unreachable-fix = Serve the policy at https://mta-sts.<domain>/.well-known/mta-sts.txt with a valid certificate.
posture-mta-sts-lookup-error = The MTA-STS record could not be looked up; the result is unknown.
posture-mta-sts-lookup-error-fix = Retry; check the name servers.
posture-tls-rpt-missing = No TLS-RPT record: you will not hear about failed TLS deliveries.
posture-tls-rpt-missing-fix = Publish _smtp._tls TXT "v=TLSRPTv1; rua=mailto:...".
posture-tls-rpt-syntax-error = The TLS-RPT record does not follow RFC 8460.
posture-tls-rpt-syntax-error-fix = Fix the record shown in the evidence.
posture-tlsa-missing = No TLSA (DANE) record for this host; with DNSSEC in place DANE lets senders authenticate it.
posture-tlsa-missing-fix = Publish a TLSA "3 1 1" record for the service.
posture-tlsa-mismatch = The TLSA record matches none of the certificates the server presents: DANE clients will refuse the connection.
posture-tlsa-mismatch-fix = Update the TLSA record to the current certificate or key (publish the new one before a rollover).
posture-tlsa-lookup-error = A TLSA record could not be looked up; the result is unknown.
posture-tlsa-lookup-error-fix = Retry; check the name servers.
posture-caa-missing = No CAA record: any certificate authority may issue certificates for this domain.
posture-caa-missing-fix = Publish CAA "0 issue \"your-ca.example\"" for the CAs you use.
posture-caa-unknown-critical-tag = A CAA record carries the critical flag with a tag CAs do not know; every CA must refuse to issue.
posture-caa-unknown-critical-tag-fix = Remove the critical flag or the unknown tag.
posture-caa-lookup-error = The CAA records could not be looked up; CAs also refuse to issue when this fails.
posture-caa-lookup-error-fix = Check that the name servers answer CAA queries.
posture-https-unreachable = The website does not answer HTTPS on port 443.
posture-https-unreachable-fix = Serve the site over HTTPS.
posture-https-address-refused = The website's name resolves to a loopback, private or otherwise special-purpose address: it is not reachable from the internet, and the hub does not connect there.
posture-https-address-refused-fix = Publish only public addresses (A and AAAA) for the name.
posture-https-modern-tls-missing = The server offers neither TLS 1.3 nor TLS 1.2.
posture-https-modern-tls-missing-fix = Enable TLS 1.2 and TLS 1.3.
posture-https-tls13-missing = The server does not offer TLS 1.3.
posture-https-tls13-missing-fix = Enable TLS 1.3.
posture-https-legacy-tls-enabled = The server still accepts TLS 1.0 or 1.1, which are deprecated (RFC 8996).
posture-https-legacy-tls-enabled-fix = Disable TLS 1.0 and 1.1.
posture-https-cert-expired = The certificate has expired or is not yet valid.
posture-https-cert-expired-fix = Renew the certificate and automate renewal.
posture-https-cert-expiring = The certificate expires within 14 days.
posture-https-cert-expiring-fix = Renew the certificate now and automate renewal.
posture-https-cert-hostname-mismatch = The certificate is not valid for this host name.
posture-https-cert-hostname-mismatch-fix = Issue a certificate that names this host.
posture-https-cert-untrusted = The certificate does not chain to a trusted root.
posture-https-cert-untrusted-fix = Use a certificate from a publicly trusted CA.
posture-https-cert-chain-incomplete = The server does not send the intermediate certificate(s), so many clients cannot build the chain.
posture-https-cert-chain-incomplete-fix = Configure the full chain (leaf plus intermediates).
posture-https-hsts-missing = No Strict-Transport-Security header (or max-age under one year): browsers may be downgraded to HTTP.
posture-https-hsts-missing-fix = Send Strict-Transport-Security: max-age=31536000.
posture-https-no-redirect = Plain HTTP does not redirect to HTTPS.
posture-https-no-redirect-fix = Redirect every http:// request to https:// with 301.
