# Hallazgos de postura: para cada código, qué significa (`posture-<code>`) y qué hacer
# (`posture-<code>-fix`). Los códigos son los del catálogo de crates/posture; una prueba del
# portal comprueba que cada código tenga sus dos frases en cada idioma.

posture-domain-invalid = El nombre indicado no es un nombre de dominio válido.
posture-domain-invalid-fix = Revise la ortografía; los nombres internacionalizados se aceptan y se convierten.
posture-domain-nxdomain = El dominio no existe en el DNS (NXDOMAIN); todos los demás resultados se derivan de ello.
posture-domain-nxdomain-fix = Revise la ortografía, o registre y delegue el dominio.
posture-check-timeout = Esta parte de la comprobación no terminó en el tiempo previsto, por lo que su resultado es desconocido.
posture-check-timeout-fix = Vuelva a intentarlo; si sigue ocurriendo, los servidores de nombres del dominio son lentos o no responden.
posture-dnssec-missing = El dominio no está firmado con DNSSEC (la delegación es demostrablemente insegura), por lo que los resolutores no pueden detectar respuestas falsificadas.
posture-dnssec-missing-fix = Firme la zona en su operador DNS y publique el registro DS en su registrador.
posture-dnssec-bogus = La validación DNSSEC falla: los resolutores que validan se negarán a responder para este dominio, y el correo y la web dejarán de funcionar para la mayoría de los usuarios.
posture-dnssec-bogus-fix = Vuelva a firmar la zona o corrija el registro DS en el registrador; consulte la evidencia para ver el fallo exacto.
posture-dnssec-signature-expired = Las firmas DNSSEC han caducado (o aún no son válidas); los resolutores que validan tratan el dominio como inválido (bogus).
posture-dnssec-signature-expired-fix = Vuelva a firmar la zona y asegúrese de que la nueva firma automática se ejecute con suficiente antelación a la caducidad de las firmas.
posture-dnssec-ds-mismatch = El registro DS de la zona superior no coincide con ninguna DNSKEY de la zona: la cadena de confianza está rota y el dominio es inválido (bogus).
posture-dnssec-ds-mismatch-fix = Publique en el registrador un DS que coincida con la clave de firma de claves (KSK) actual (o vuelva a la clave anterior).
posture-dnssec-bad-signature = Una firma DNSSEC no se verifica con las claves de la zona: los datos se alteraron o se firmaron con otra clave, y el dominio es inválido (bogus).
posture-dnssec-bad-signature-fix = Vuelva a firmar la zona con las claves que publica; compruebe que todos los servidores de nombres sirven la misma zona firmada.
posture-dnssec-missing-signature = Hay datos firmados que llegan sin su firma DNSSEC: los resolutores que validan tratan el dominio como inválido (bogus).
posture-dnssec-missing-signature-fix = Vuelva a firmar la zona y compruebe que todos los servidores de nombres sirven la versión firmada.
posture-dnssec-unproven-denial = Una respuesta negativa (sin DS, nombre inexistente) llega sin una prueba NSEC/NSEC3 válida, por lo que no se puede seguir la cadena de confianza y el dominio es inválido (bogus).
posture-dnssec-unproven-denial-fix = Vuelva a firmar la zona para que se publiquen y firmen registros NSEC o NSEC3; revise la zona superior si falta la prueba del DS.
posture-dnssec-no-trust-anchor = Las claves de la raíz no coinciden con ningún ancla de confianza configurada, por lo que no se puede validar nada (es un problema de configuración del verificador o de las respuestas del resolutor, no de este dominio).
posture-dnssec-no-trust-anchor-fix = Revise el ancla de confianza indicada al verificador y el resolutor que utiliza.
posture-dnssec-indeterminate = No se pudo determinar el estado DNSSEC porque falló una consulta; no es lo mismo que un dominio sin firmar.
posture-dnssec-indeterminate-fix = Vuelva a intentarlo; compruebe que los servidores de nombres responden a las consultas DS y DNSKEY por UDP y TCP.
posture-dnssec-secure = El dominio se valida con DNSSEC desde el ancla de confianza hacia abajo.
posture-dnssec-secure-fix = No hay nada que hacer; mantenga la firma automática.
posture-spf-missing = No hay registro SPF: cualquiera puede enviar correo que dice proceder de este dominio y los destinatarios no pueden distinguirlo.
posture-spf-missing-fix = Publique un registro TXT como "v=spf1 mx -all" con la lista de los servidores que envían su correo.
posture-spf-multiple-records = Hay más de un registro SPF: los receptores deben tratarlo como un error permanente e ignorar SPF por completo.
posture-spf-multiple-records-fix = Únalos en un solo registro TXT "v=spf1 ...".
posture-spf-syntax-error = El registro SPF no sigue la sintaxis del RFC 7208; los receptores lo tratan como un error permanente.
posture-spf-syntax-error-fix = Corrija el término indicado en la evidencia.
posture-spf-pass-all = El registro SPF termina en "+all": cualquier servidor de internet está autorizado a enviar en nombre de este dominio.
posture-spf-pass-all-fix = Termine el registro con "-all" (o "~all" durante las pruebas).
posture-spf-neutral-all = El registro SPF termina en "?all", que no dice nada sobre los remitentes no incluidos en la lista.
posture-spf-neutral-all-fix = Termine el registro con "-all".
posture-spf-softfail-all = El registro SPF termina en "~all" (fallo leve, softfail); con una política DMARC aplicada es aceptable, pero "-all" es más estricto.
posture-spf-softfail-all-fix = Considere "-all" cuando todos los remitentes estén en la lista.
posture-spf-no-all = El registro SPF no tiene mecanismo "all" ni redirect, por lo que los remitentes no incluidos obtienen un resultado neutral.
posture-spf-no-all-fix = Termine el registro con "-all".
posture-spf-ptr-mechanism = El registro SPF usa "ptr", que el RFC 7208 desaconseja: es lento, poco fiable y puede ignorarse.
posture-spf-ptr-mechanism-fix = Sustituya ptr por mecanismos ip4/ip6/a/mx.
posture-spf-too-many-lookups = La evaluación del registro SPF requiere más de 10 términos con consultas DNS (include, a, mx, ptr, exists, redirect); los receptores devuelven un error permanente.
posture-spf-too-many-lookups-fix = Aplane los include o elimine los que no se usen para que queden como máximo 10 consultas.
posture-spf-too-many-void-lookups = Más de 2 consultas de la evaluación SPF no devuelven datos o devuelven NXDOMAIN; los receptores devuelven un error permanente.
posture-spf-too-many-void-lookups-fix = Elimine los mecanismos que apuntan a nombres sin registros.
posture-spf-include-no-record = Un include apunta a un dominio sin registro SPF, lo que es un error permanente.
posture-spf-include-no-record-fix = Elimine el include o corrija el registro SPF del dominio de destino.
posture-spf-include-loop = Los include o redirect del SPF forman un bucle.
posture-spf-include-loop-fix = Elimine el include o redirect que apunta hacia atrás.
posture-spf-lookup-error = No se pudo consultar el registro SPF (o un registro al que remite); el resultado es desconocido, no ausente.
posture-spf-lookup-error-fix = Compruebe que los servidores de nombres responden a las consultas TXT; vuelva a intentarlo.
posture-spf-redirect-ignored = El registro tiene a la vez "all" y "redirect="; el redirect nunca se usa.
posture-spf-redirect-ignored-fix = Elimine uno de los dos.
posture-dmarc-missing = No hay registro DMARC: los receptores no tienen política para el correo que no supera SPF ni DKIM, y usted no recibe informes.
posture-dmarc-missing-fix = Publique "v=DMARC1; p=reject; rua=mailto:..." en _dmarc.<dominio> (empiece con p=none solo mientras recopila informes).
posture-dmarc-multiple-records = Hay más de un registro DMARC: los receptores deben ignorar DMARC por completo.
posture-dmarc-multiple-records-fix = Mantenga un único registro TXT "v=DMARC1" en _dmarc.
posture-dmarc-syntax-error = El registro DMARC no sigue la sintaxis del RFC 7489.
posture-dmarc-syntax-error-fix = Corrija la etiqueta indicada en la evidencia.
posture-dmarc-policy-none = La política DMARC es p=none: el correo que falla se entrega como siempre, así que la suplantación no se detiene.
posture-dmarc-policy-none-fix = Pase a p=quarantine y después a p=reject cuando los informes muestren que el correo legítimo supera la comprobación.
posture-dmarc-policy-quarantine = La política DMARC es p=quarantine; p=reject es la protección más fuerte.
posture-dmarc-policy-quarantine-fix = Pase a p=reject cuando los informes lo permitan.
posture-dmarc-subdomain-policy-none = La política de subdominios es sp=none: se entrega el correo falsificado que procede de subdominios inventados.
posture-dmarc-subdomain-policy-none-fix = Establezca sp=reject (o elimine sp para heredar p).
posture-dmarc-pct-partial = pct es inferior a 100: la política solo se aplica a una parte del correo que falla.
posture-dmarc-pct-partial-fix = Establezca pct=100 (o elimine pct).
posture-dmarc-no-rua = No hay dirección rua= para informes agregados: no verá quién envía correo en nombre de su dominio.
posture-dmarc-no-rua-fix = Añada rua=mailto:dmarc-reports@<su dominio>.
posture-dmarc-rua-external-unauthorized = Una dirección de informes está en el dominio de otra organización que no la ha autorizado (RFC 7489 7.1); los receptores no enviarán esos informes.
posture-dmarc-rua-external-unauthorized-fix = Pida al destinatario que publique "v=DMARC1" en <su dominio>._report._dmarc.<dominio del destinatario>.
posture-dmarc-inherited-from-org-domain = Este dominio no tiene registro DMARC propio; se aplica el registro del dominio organizativo.
posture-dmarc-inherited-from-org-domain-fix = No es necesario hacer nada; publique uno aquí para establecer una política distinta.
posture-dmarc-lookup-error = No se pudo consultar el registro DMARC; el resultado es desconocido, no ausente.
posture-dmarc-lookup-error-fix = Compruebe que los servidores de nombres responden a las consultas TXT para _dmarc; vuelva a intentarlo.
posture-dkim-missing = No se encontró ninguna clave DKIM con los selectores probados; sin DKIM, DMARC depende solo de SPF, que falla con el reenvío.
posture-dkim-missing-fix = Firme el correo saliente con DKIM y publique la clave; indique su selector con --dkim-selector.
posture-dkim-key-malformed = Un registro de clave DKIM no sigue el RFC 6376 o su clave no se puede decodificar; las firmas hechas con ella fallan.
posture-dkim-key-malformed-fix = Vuelva a publicar el registro a partir de la configuración DKIM de su sistema de correo.
posture-dkim-key-revoked = Un selector DKIM tiene una clave vacía (p=): la clave está revocada.
posture-dkim-key-revoked-fix = Nada, si el selector está retirado; si no, publique la clave actual.
posture-dkim-key-too-short = Una clave RSA de DKIM tiene menos de 1024 bits y se puede factorizar; los receptores ignoran esas firmas.
posture-dkim-key-too-short-fix = Genere una clave RSA de 2048 bits (o Ed25519 junto a RSA) y haga la rotación.
posture-dkim-key-weak = Una clave RSA de DKIM tiene menos de 2048 bits.
posture-dkim-key-weak-fix = Cambie a una clave RSA de 2048 bits.
posture-dkim-testing-mode = Una clave DKIM está en modo de prueba (t=y): los receptores pueden tratar sus firmas como si no existieran.
posture-dkim-testing-mode-fix = Elimine t=y cuando la firma funcione.
posture-dkim-lookup-error = No se pudo consultar un selector DKIM; el resultado es desconocido.
posture-dkim-lookup-error-fix = Vuelva a intentarlo; revise los servidores de nombres.
posture-mx-null = El dominio publica un MX nulo (RFC 7505): declara que no recibe correo; se aplican las reglas de los dominios sin correo.
posture-mx-null-fix = Nada; publique también "v=spf1 -all" y DMARC p=reject.
posture-mx-missing = No hay registro MX: el correo recurre a los registros de dirección del dominio.
posture-mx-missing-fix = Publique registros MX, o un MX nulo ("MX 0 .") si el dominio no recibe correo.
posture-mx-lookup-error = No se pudieron consultar los registros MX; el resultado es desconocido.
posture-mx-lookup-error-fix = Compruebe que los servidores de nombres responden a las consultas MX.
posture-mx-host-unresolvable = Un servidor MX no tiene registros de dirección; el correo dirigido a él falla.
posture-mx-host-unresolvable-fix = Corrija el destino del MX o sus registros A/AAAA.
posture-mta-sts-missing = No hay registro MTA-STS: los remitentes no pueden exigir TLS autenticado hacia sus servidores MX.
posture-mta-sts-missing-fix = Publique _mta-sts TXT "v=STSv1; id=..." y una política en https://mta-sts.<dominio>/.well-known/mta-sts.txt.
posture-mta-sts-syntax-error = El registro TXT de MTA-STS o el archivo de política no sigue el RFC 8461.
posture-mta-sts-syntax-error-fix = Corrija el campo indicado en la evidencia.
posture-mta-sts-mode-testing = La política MTA-STS está en modo de prueba: los fallos se notifican, pero no se bloquean.
posture-mta-sts-mode-testing-fix = Pase a mode: enforce cuando los informes TLS estén limpios.
posture-mta-sts-mx-mismatch = Un servidor MX no está cubierto por los patrones mx: de la política MTA-STS; los remitentes que la aplican se negarán a entregarle correo.
posture-mta-sts-mx-mismatch-fix = Añada el servidor MX (o un *.patrón que coincida) a la política.
posture-mta-sts-policy-unreachable = No se pudo obtener la política MTA-STS por HTTPS validado, por lo que la política no está en vigor.
posture-mta-sts-policy-unreachable-fix = Sirva la política en https://mta-sts.<dominio>/.well-known/mta-sts.txt con un certificado válido.
posture-mta-sts-lookup-error = No se pudo consultar el registro MTA-STS; el resultado es desconocido.
posture-mta-sts-lookup-error-fix = Vuelva a intentarlo; revise los servidores de nombres.
posture-tls-rpt-missing = No hay registro TLS-RPT: no sabrá nada de las entregas TLS fallidas.
posture-tls-rpt-missing-fix = Publique _smtp._tls TXT "v=TLSRPTv1; rua=mailto:...".
posture-tls-rpt-syntax-error = El registro TLS-RPT no sigue el RFC 8460.
posture-tls-rpt-syntax-error-fix = Corrija el registro indicado en la evidencia.
posture-tlsa-missing = No hay registro TLSA (DANE) para este servidor; con DNSSEC activo, DANE permite a los remitentes autenticarlo.
posture-tlsa-missing-fix = Publique un registro TLSA "3 1 1" para el servicio.
posture-tlsa-mismatch = El registro TLSA no coincide con ninguno de los certificados que presenta el servidor: los clientes DANE rechazarán la conexión.
posture-tlsa-mismatch-fix = Actualice el registro TLSA al certificado o clave actual (publique el nuevo antes de un cambio de clave).
posture-tlsa-lookup-error = No se pudo consultar un registro TLSA; el resultado es desconocido.
posture-tlsa-lookup-error-fix = Vuelva a intentarlo; revise los servidores de nombres.
posture-caa-missing = No hay registro CAA: cualquier autoridad de certificación puede emitir certificados para este dominio.
posture-caa-missing-fix = Publique CAA "0 issue \"your-ca.example\"" para las CA que utilice.
posture-caa-unknown-critical-tag = Un registro CAA lleva el indicador crítico con una etiqueta que las CA no conocen; todas las CA deben negarse a emitir.
posture-caa-unknown-critical-tag-fix = Elimine el indicador crítico o la etiqueta desconocida.
posture-caa-lookup-error = No se pudieron consultar los registros CAA; cuando esto falla, las CA también se niegan a emitir.
posture-caa-lookup-error-fix = Compruebe que los servidores de nombres responden a las consultas CAA.
posture-https-unreachable = El sitio web no responde por HTTPS en el puerto 443.
posture-https-unreachable-fix = Sirva el sitio por HTTPS.
posture-https-address-refused = El nombre del sitio web se resuelve en una dirección de bucle local (loopback), privada o de otro uso especial: no es accesible desde internet y el hub no se conecta a ella.
posture-https-address-refused-fix = Publique solo direcciones públicas (A y AAAA) para el nombre.
posture-https-modern-tls-missing = El servidor no ofrece ni TLS 1.3 ni TLS 1.2.
posture-https-modern-tls-missing-fix = Active TLS 1.2 y TLS 1.3.
posture-https-tls13-missing = El servidor no ofrece TLS 1.3.
posture-https-tls13-missing-fix = Active TLS 1.3.
posture-https-legacy-tls-enabled = El servidor todavía acepta TLS 1.0 o 1.1, que están obsoletos (RFC 8996).
posture-https-legacy-tls-enabled-fix = Desactive TLS 1.0 y 1.1.
posture-https-cert-expired = El certificado ha caducado o aún no es válido.
posture-https-cert-expired-fix = Renueve el certificado y automatice la renovación.
posture-https-cert-expiring = El certificado caduca en menos de 14 días.
posture-https-cert-expiring-fix = Renueve el certificado ahora y automatice la renovación.
posture-https-cert-hostname-mismatch = El certificado no es válido para este nombre de servidor.
posture-https-cert-hostname-mismatch-fix = Emita un certificado que incluya este nombre de servidor.
posture-https-cert-untrusted = El certificado no se encadena a una raíz de confianza.
posture-https-cert-untrusted-fix = Use un certificado de una CA de confianza pública.
posture-https-cert-chain-incomplete = El servidor no envía el certificado o los certificados intermedios, por lo que muchos clientes no pueden construir la cadena.
posture-https-cert-chain-incomplete-fix = Configure la cadena completa (certificado final más intermedios).
posture-https-hsts-missing = No hay cabecera Strict-Transport-Security (o max-age es inferior a un año): los navegadores pueden ser degradados a HTTP.
posture-https-hsts-missing-fix = Envíe Strict-Transport-Security: max-age=31536000.
posture-https-no-redirect = El HTTP simple no redirige a HTTPS.
posture-https-no-redirect-fix = Redirija toda petición http:// a https:// con un 301.
