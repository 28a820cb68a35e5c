# Constats de posture : pour chaque code, ce qu'il signifie (`posture-<code>`) et ce qu'il faut
# faire (`posture-<code>-fix`). Les codes sont ceux du catalogue de crates/posture ; un test du
# portail vérifie que chaque code a ses deux phrases dans chaque langue.

posture-domain-invalid = Le nom donné n'est pas un nom de domaine valide.
posture-domain-invalid-fix = Vérifiez l'orthographe ; les noms internationalisés sont acceptés et convertis.
posture-domain-nxdomain = Le domaine n'existe pas dans le DNS (NXDOMAIN) ; tous les autres résultats en découlent.
posture-domain-nxdomain-fix = Vérifiez l'orthographe, ou enregistrez et déléguez le domaine.
posture-check-timeout = Cette partie de la vérification ne s'est pas terminée dans le temps imparti : son résultat est inconnu.
posture-check-timeout-fix = Réessayez ; si cela se répète, les serveurs de noms du domaine sont lents ou injoignables.
posture-dnssec-missing = Le domaine n'est pas signé avec DNSSEC (la délégation est prouvée non sécurisée) : les résolveurs ne peuvent pas détecter de fausses réponses.
posture-dnssec-missing-fix = Signez la zone chez votre opérateur DNS et publiez l'enregistrement DS chez votre bureau d'enregistrement.
posture-dnssec-bogus = La validation DNSSEC échoue : les résolveurs validants refuseront de répondre pour ce domaine, et la messagerie comme le web cessent de fonctionner pour la plupart des utilisateurs.
posture-dnssec-bogus-fix = Signez de nouveau la zone, ou corrigez l'enregistrement DS chez le bureau d'enregistrement ; la preuve indique l'échec exact.
posture-dnssec-signature-expired = Les signatures DNSSEC ont expiré (ou ne sont pas encore valides) ; les résolveurs validants traitent le domaine comme invalide.
posture-dnssec-signature-expired-fix = Signez de nouveau la zone et assurez-vous que la resignature automatique a lieu bien avant l'expiration des signatures.
posture-dnssec-ds-mismatch = L'enregistrement DS de la zone parente ne correspond à aucune DNSKEY de la zone : la chaîne de confiance est rompue et le domaine est invalide.
posture-dnssec-ds-mismatch-fix = Publiez chez le bureau d'enregistrement un DS correspondant à la clé de signature de clés actuelle (ou revenez à l'ancienne clé).
posture-dnssec-bad-signature = Une signature DNSSEC ne se vérifie pas avec les clés de la zone : les données ont été modifiées ou signées avec une autre clé, et le domaine est invalide.
posture-dnssec-bad-signature-fix = Signez de nouveau la zone avec les clés qu'elle publie ; vérifiez que tous les serveurs de noms servent la même zone signée.
posture-dnssec-missing-signature = Des données signées arrivent sans leur signature DNSSEC : les résolveurs validants traitent le domaine comme invalide.
posture-dnssec-missing-signature-fix = Signez de nouveau la zone et vérifiez que tous les serveurs de noms servent la version signée.
posture-dnssec-unproven-denial = Une réponse négative (pas de DS, nom inexistant) arrive sans preuve NSEC/NSEC3 valide : la chaîne de confiance ne peut pas être suivie et le domaine est invalide.
posture-dnssec-unproven-denial-fix = Signez de nouveau la zone pour publier des enregistrements NSEC ou NSEC3 signés ; vérifiez la zone parente si c'est la preuve d'absence de DS qui manque.
posture-dnssec-no-trust-anchor = Les clés de la racine ne correspondent à aucune ancre de confiance configurée : rien ne peut être validé (un problème de configuration du vérificateur ou des réponses de son résolveur, pas de ce domaine).
posture-dnssec-no-trust-anchor-fix = Vérifiez l'ancre de confiance donnée au vérificateur et le résolveur qu'il utilise.
posture-dnssec-indeterminate = L'état DNSSEC n'a pas pu être établi car une requête a échoué ; ce n'est pas la même chose qu'un domaine non signé.
posture-dnssec-indeterminate-fix = Réessayez ; vérifiez que les serveurs de noms répondent aux requêtes DS et DNSKEY en UDP et en TCP.
posture-dnssec-secure = Le domaine se valide avec DNSSEC depuis l'ancre de confiance jusqu'à lui.
posture-dnssec-secure-fix = Rien à faire ; gardez la signature automatique en place.
posture-spf-missing = Aucun enregistrement SPF : n'importe qui peut envoyer du courrier au nom de ce domaine, et les destinataires ne peuvent pas le détecter.
posture-spf-missing-fix = Publiez un enregistrement TXT comme « v=spf1 mx -all » qui liste les serveurs qui envoient votre courrier.
posture-spf-multiple-records = Plus d'un enregistrement SPF : les destinataires doivent traiter cela comme une erreur permanente et ignorer SPF entièrement.
posture-spf-multiple-records-fix = Fusionnez-les en un seul enregistrement TXT « v=spf1 ... ».
posture-spf-syntax-error = L'enregistrement SPF ne respecte pas la syntaxe de la RFC 7208 ; les destinataires le traitent comme une erreur permanente.
posture-spf-syntax-error-fix = Corrigez le terme indiqué dans la preuve.
posture-spf-pass-all = L'enregistrement SPF se termine par « +all » : tous les serveurs d'internet sont autorisés à envoyer au nom de ce domaine.
posture-spf-pass-all-fix = Terminez l'enregistrement par « -all » (ou « ~all » pendant les essais).
posture-spf-neutral-all = L'enregistrement SPF se termine par « ?all », qui ne dit rien des expéditeurs non listés.
posture-spf-neutral-all-fix = Terminez l'enregistrement par « -all ».
posture-spf-softfail-all = L'enregistrement SPF se termine par « ~all » (échec atténué) ; avec une politique DMARC appliquée c'est acceptable, « -all » est plus strict.
posture-spf-softfail-all-fix = Envisagez « -all » une fois tous les expéditeurs listés.
posture-spf-no-all = L'enregistrement SPF n'a ni mécanisme « all » ni redirection : les expéditeurs non listés obtiennent un résultat neutre.
posture-spf-no-all-fix = Terminez l'enregistrement par « -all ».
posture-spf-ptr-mechanism = L'enregistrement SPF utilise « ptr », que la RFC 7208 déconseille : il est lent, peu fiable et peut être ignoré.
posture-spf-ptr-mechanism-fix = Remplacez ptr par des mécanismes ip4/ip6/a/mx.
posture-spf-too-many-lookups = L'évaluation de l'enregistrement SPF demande plus de 10 termes qui interrogent le DNS (include, a, mx, ptr, exists, redirect) ; les destinataires renvoient une erreur permanente.
posture-spf-too-many-lookups-fix = Aplatissez les include ou supprimez ceux qui ne servent pas, pour qu'il reste au plus 10 requêtes.
posture-spf-too-many-void-lookups = Plus de 2 requêtes de l'évaluation SPF ne renvoient aucune donnée ou NXDOMAIN ; les destinataires renvoient une erreur permanente.
posture-spf-too-many-void-lookups-fix = Supprimez les mécanismes qui pointent vers des noms sans enregistrement.
posture-spf-include-no-record = Un include pointe vers un domaine sans enregistrement SPF, ce qui est une erreur permanente.
posture-spf-include-no-record-fix = Supprimez l'include ou corrigez l'enregistrement SPF du domaine cible.
posture-spf-include-loop = Les include ou les redirections SPF forment une boucle.
posture-spf-include-loop-fix = Supprimez l'include ou la redirection qui renvoie en arrière.
posture-spf-lookup-error = L'enregistrement SPF (ou un enregistrement auquel il renvoie) n'a pas pu être interrogé ; le résultat est inconnu, pas absent.
posture-spf-lookup-error-fix = Vérifiez que les serveurs de noms répondent aux requêtes TXT ; réessayez.
posture-spf-redirect-ignored = L'enregistrement a à la fois « all » et « redirect= » ; la redirection n'est jamais utilisée.
posture-spf-redirect-ignored-fix = Supprimez l'un des deux.
posture-dmarc-missing = Aucun enregistrement DMARC : les destinataires n'ont aucune politique pour le courrier qui échoue à SPF et DKIM, et vous ne recevez aucun rapport.
posture-dmarc-missing-fix = Publiez « v=DMARC1; p=reject; rua=mailto:... » sous _dmarc.<domaine> (commencez par p=none seulement le temps de recevoir des rapports).
posture-dmarc-multiple-records = Plus d'un enregistrement DMARC : les destinataires doivent ignorer DMARC entièrement.
posture-dmarc-multiple-records-fix = Gardez exactement un enregistrement TXT « v=DMARC1 » sous _dmarc.
posture-dmarc-syntax-error = L'enregistrement DMARC ne respecte pas la syntaxe de la RFC 7489.
posture-dmarc-syntax-error-fix = Corrigez la balise indiquée dans la preuve.
posture-dmarc-policy-none = La politique DMARC est p=none : le courrier en échec est distribué normalement, l'usurpation n'est donc pas arrêtée.
posture-dmarc-policy-none-fix = Passez à p=quarantine puis à p=reject quand les rapports montrent que le courrier légitime passe.
posture-dmarc-policy-quarantine = La politique DMARC est p=quarantine ; p=reject est la protection la plus forte.
posture-dmarc-policy-quarantine-fix = Passez à p=reject quand les rapports le permettent.
posture-dmarc-subdomain-policy-none = La politique des sous-domaines est sp=none : le courrier usurpé envoyé depuis des sous-domaines inventés est distribué.
posture-dmarc-subdomain-policy-none-fix = Indiquez sp=reject (ou supprimez sp pour hériter de p).
posture-dmarc-pct-partial = pct est inférieur à 100 : la politique ne s'applique qu'à une partie du courrier en échec.
posture-dmarc-pct-partial-fix = Indiquez pct=100 (ou supprimez pct).
posture-dmarc-no-rua = Aucune adresse de rapports agrégés rua= : vous ne verrez pas qui envoie du courrier au nom de votre domaine.
posture-dmarc-no-rua-fix = Ajoutez rua=mailto:dmarc-reports@<votre domaine>.
posture-dmarc-rua-external-unauthorized = Une adresse de rapport est dans le domaine d'une autre organisation qui ne l'a pas autorisée (RFC 7489 7.1) ; les destinataires n'enverront pas ces rapports.
posture-dmarc-rua-external-unauthorized-fix = Demandez au destinataire de publier « v=DMARC1 » sous <votre domaine>._report._dmarc.<son domaine>.
posture-dmarc-inherited-from-org-domain = Ce domaine n'a pas d'enregistrement DMARC propre ; celui du domaine organisationnel s'applique.
posture-dmarc-inherited-from-org-domain-fix = Rien n'est exigé ; publiez-en un ici pour fixer une politique différente.
posture-dmarc-lookup-error = L'enregistrement DMARC n'a pas pu être interrogé ; le résultat est inconnu, pas absent.
posture-dmarc-lookup-error-fix = Vérifiez que les serveurs de noms répondent aux requêtes TXT pour _dmarc ; réessayez.
posture-dkim-missing = Aucune clé DKIM trouvée sous les sélecteurs essayés ; sans DKIM, DMARC ne repose que sur SPF, qui échoue lors des transferts.
posture-dkim-missing-fix = Signez le courrier sortant avec DKIM et publiez la clé ; indiquez votre sélecteur avec --dkim-selector.
posture-dkim-key-malformed = Un enregistrement de clé DKIM ne respecte pas la RFC 6376 ou sa clé ne peut pas être décodée ; les signatures faites avec elle échouent.
posture-dkim-key-malformed-fix = Republiez l'enregistrement depuis la configuration DKIM de votre système de messagerie.
posture-dkim-key-revoked = Un sélecteur DKIM a une clé vide (p=) : la clé est révoquée.
posture-dkim-key-revoked-fix = Rien, si le sélecteur est retiré ; sinon publiez la clé actuelle.
posture-dkim-key-too-short = Une clé RSA DKIM fait moins de 1024 bits et peut être factorisée ; les destinataires ignorent ces signatures.
posture-dkim-key-too-short-fix = Générez une clé RSA de 2048 bits (ou Ed25519 en plus de RSA) et faites la rotation.
posture-dkim-key-weak = Une clé RSA DKIM fait moins de 2048 bits.
posture-dkim-key-weak-fix = Passez à une clé RSA de 2048 bits.
posture-dkim-testing-mode = Une clé DKIM est en mode test (t=y) : les destinataires peuvent traiter ses signatures comme absentes.
posture-dkim-testing-mode-fix = Retirez t=y une fois la signature au point.
posture-dkim-lookup-error = Un sélecteur DKIM n'a pas pu être interrogé ; le résultat est inconnu.
posture-dkim-lookup-error-fix = Réessayez ; vérifiez les serveurs de noms.
posture-mx-null = Le domaine publie un MX nul (RFC 7505) : il déclare ne recevoir aucun courrier ; les règles des domaines sans courrier s'appliquent.
posture-mx-null-fix = Rien ; publiez aussi « v=spf1 -all » et DMARC p=reject.
posture-mx-missing = Aucun enregistrement MX : le courrier se rabat sur les adresses du domaine.
posture-mx-missing-fix = Publiez des enregistrements MX, ou un MX nul (« MX 0 . ») si le domaine ne reçoit pas de courrier.
posture-mx-lookup-error = Les enregistrements MX n'ont pas pu être interrogés ; le résultat est inconnu.
posture-mx-lookup-error-fix = Vérifiez que les serveurs de noms répondent aux requêtes MX.
posture-mx-host-unresolvable = Un hôte MX n'a pas d'adresse ; le courrier qui lui est destiné échoue.
posture-mx-host-unresolvable-fix = Corrigez la cible MX ou ses enregistrements A/AAAA.
posture-mta-sts-missing = Aucun enregistrement MTA-STS : les expéditeurs ne peuvent pas exiger un TLS authentifié vers vos hôtes MX.
posture-mta-sts-missing-fix = Publiez _mta-sts TXT « v=STSv1; id=... » et une politique à https://mta-sts.<domaine>/.well-known/mta-sts.txt.
posture-mta-sts-syntax-error = L'enregistrement TXT MTA-STS ou le fichier de politique ne respecte pas la RFC 8461.
posture-mta-sts-syntax-error-fix = Corrigez le champ indiqué dans la preuve.
posture-mta-sts-mode-testing = La politique MTA-STS est en mode test : les échecs sont signalés mais pas bloqués.
posture-mta-sts-mode-testing-fix = Passez en mode: enforce une fois les rapports TLS propres.
posture-mta-sts-mx-mismatch = Un hôte MX n'est pas couvert par les motifs mx: de la politique MTA-STS ; les expéditeurs qui l'appliquent refuseront de lui livrer du courrier.
posture-mta-sts-mx-mismatch-fix = Ajoutez l'hôte MX (ou un motif *. correspondant) à la politique.
posture-mta-sts-policy-unreachable = La politique MTA-STS n'a pas pu être récupérée en HTTPS validé : elle n'est donc pas en vigueur.
posture-mta-sts-policy-unreachable-fix = Servez la politique à https://mta-sts.<domaine>/.well-known/mta-sts.txt avec un certificat valide.
posture-mta-sts-lookup-error = L'enregistrement MTA-STS n'a pas pu être interrogé ; le résultat est inconnu.
posture-mta-sts-lookup-error-fix = Réessayez ; vérifiez les serveurs de noms.
posture-tls-rpt-missing = Aucun enregistrement TLS-RPT : vous ne serez pas averti des livraisons TLS en échec.
posture-tls-rpt-missing-fix = Publiez _smtp._tls TXT « v=TLSRPTv1; rua=mailto:... ».
posture-tls-rpt-syntax-error = L'enregistrement TLS-RPT ne respecte pas la RFC 8460.
posture-tls-rpt-syntax-error-fix = Corrigez l'enregistrement indiqué dans la preuve.
posture-tlsa-missing = Aucun enregistrement TLSA (DANE) pour cet hôte ; avec DNSSEC en place, DANE permet aux expéditeurs de l'authentifier.
posture-tlsa-missing-fix = Publiez un enregistrement TLSA « 3 1 1 » pour le service.
posture-tlsa-mismatch = L'enregistrement TLSA ne correspond à aucun des certificats présentés par le serveur : les clients DANE refuseront la connexion.
posture-tlsa-mismatch-fix = Mettez l'enregistrement TLSA à jour pour le certificat ou la clé actuels (publiez le nouveau avant un changement).
posture-tlsa-lookup-error = Un enregistrement TLSA n'a pas pu être interrogé ; le résultat est inconnu.
posture-tlsa-lookup-error-fix = Réessayez ; vérifiez les serveurs de noms.
posture-caa-missing = Aucun enregistrement CAA : n'importe quelle autorité de certification peut émettre des certificats pour ce domaine.
posture-caa-missing-fix = Publiez CAA « 0 issue "votre-ac.example" » pour les autorités que vous utilisez.
posture-caa-unknown-critical-tag = Un enregistrement CAA porte l'indicateur critique avec une balise que les autorités ne connaissent pas ; toutes doivent refuser d'émettre.
posture-caa-unknown-critical-tag-fix = Retirez l'indicateur critique ou la balise inconnue.
posture-caa-lookup-error = Les enregistrements CAA n'ont pas pu être interrogés ; les autorités refusent aussi d'émettre dans ce cas.
posture-caa-lookup-error-fix = Vérifiez que les serveurs de noms répondent aux requêtes CAA.
posture-https-unreachable = Le site web ne répond pas en HTTPS sur le port 443.
posture-https-unreachable-fix = Servez le site en HTTPS.
posture-https-address-refused = Le nom du site web pointe vers une adresse de bouclage, privée ou réservée : il n'est pas joignable depuis internet, et le hub ne s'y connecte pas.
posture-https-address-refused-fix = Ne publiez que des adresses publiques (A et AAAA) pour ce nom.
posture-https-modern-tls-missing = Le serveur ne propose ni TLS 1.3 ni TLS 1.2.
posture-https-modern-tls-missing-fix = Activez TLS 1.2 et TLS 1.3.
posture-https-tls13-missing = Le serveur ne propose pas TLS 1.3.
posture-https-tls13-missing-fix = Activez TLS 1.3.
posture-https-legacy-tls-enabled = Le serveur accepte encore TLS 1.0 ou 1.1, qui sont obsolètes (RFC 8996).
posture-https-legacy-tls-enabled-fix = Désactivez TLS 1.0 et 1.1.
posture-https-cert-expired = Le certificat a expiré ou n'est pas encore valide.
posture-https-cert-expired-fix = Renouvelez le certificat et automatisez le renouvellement.
posture-https-cert-expiring = Le certificat expire dans moins de 14 jours.
posture-https-cert-expiring-fix = Renouvelez le certificat dès maintenant et automatisez le renouvellement.
posture-https-cert-hostname-mismatch = Le certificat n'est pas valide pour ce nom d'hôte.
posture-https-cert-hostname-mismatch-fix = Faites émettre un certificat qui nomme cet hôte.
posture-https-cert-untrusted = Le certificat ne remonte pas à une racine de confiance.
posture-https-cert-untrusted-fix = Utilisez un certificat d'une autorité de certification publiquement reconnue.
posture-https-cert-chain-incomplete = Le serveur n'envoie pas le ou les certificats intermédiaires : beaucoup de clients ne peuvent pas construire la chaîne.
posture-https-cert-chain-incomplete-fix = Configurez la chaîne complète (certificat final et intermédiaires).
posture-https-hsts-missing = Pas d'en-tête Strict-Transport-Security (ou un max-age inférieur à un an) : les navigateurs peuvent être ramenés en HTTP.
posture-https-hsts-missing-fix = Envoyez Strict-Transport-Security: max-age=31536000.
posture-https-no-redirect = Le HTTP simple ne redirige pas vers HTTPS.
posture-https-no-redirect-fix = Redirigez chaque requête http:// vers https:// avec un 301.
