# Constatações de segurança dos domínios: para cada código, o que significa (`posture-<code>`) e o
# que fazer (`posture-<code>-fix`). Os códigos são o catálogo de crates/posture; um teste do
# portal verifica que cada código tem as duas frases em todos os idiomas.

posture-domain-invalid = O nome indicado não é um nome de domínio válido.
posture-domain-invalid-fix = Verifique a ortografia; os nomes internacionalizados são admitidos e convertidos.
posture-domain-nxdomain = O domínio não existe no DNS (NXDOMAIN); todos os outros resultados decorrem disso.
posture-domain-nxdomain-fix = Verifique a ortografia, ou efetue o registo e a delegação do domínio.
posture-check-timeout = Esta parte da verificação não terminou no tempo previsto, por isso o resultado é desconhecido.
posture-check-timeout-fix = Tente novamente; se voltar a acontecer, os servidores de nomes do domínio são lentos ou estão inacessíveis.
posture-dnssec-missing = O domínio não está assinado com DNSSEC (a delegação é comprovadamente insegura), por isso os resolvedores não conseguem identificar respostas falsificadas.
posture-dnssec-missing-fix = Assine a zona no seu operador de DNS e publique o registo DS na entidade de registo do domínio.
posture-dnssec-bogus = A validação DNSSEC falha: os resolvedores que validam recusam responder por este domínio, por isso o e-mail e a web deixam de funcionar para a maioria das pessoas.
posture-dnssec-bogus-fix = Volte a assinar a zona, ou corrija o registo DS na entidade de registo; consulte as evidências para ver a falha exata.
posture-dnssec-signature-expired = As assinaturas DNSSEC expiraram (ou ainda não são válidas); os resolvedores que validam tratam o domínio como inválido (bogus).
posture-dnssec-signature-expired-fix = Volte a assinar a zona e garanta que a reassinatura automática é feita bem antes de as assinaturas expirarem.
posture-dnssec-ds-mismatch = O registo DS na zona-mãe não corresponde a nenhuma DNSKEY da zona: a cadeia de confiança está quebrada e o domínio é inválido (bogus).
posture-dnssec-ds-mismatch-fix = Publique na entidade de registo um DS que corresponda à chave de assinatura de chaves (KSK) atual (ou reponha a chave anterior).
posture-dnssec-bad-signature = Uma assinatura DNSSEC não é validada com as chaves da zona: os dados foram alterados ou assinados com outra chave, e o domínio é inválido (bogus).
posture-dnssec-bad-signature-fix = Volte a assinar a zona com as chaves que ela publica; verifique que todos os servidores de nomes servem a mesma zona assinada.
posture-dnssec-missing-signature = Há dados assinados que chegam sem a sua assinatura DNSSEC: os resolvedores que validam tratam o domínio como inválido (bogus).
posture-dnssec-missing-signature-fix = Volte a assinar a zona e verifique que todos os servidores de nomes servem a versão assinada.
posture-dnssec-unproven-denial = Uma resposta negativa (sem DS, nome inexistente) chega sem uma prova NSEC/NSEC3 válida, por isso a cadeia de confiança não pode ser seguida e o domínio é inválido (bogus).
posture-dnssec-unproven-denial-fix = Volte a assinar a zona para que os registos NSEC ou NSEC3 sejam publicados e assinados; verifique a zona-mãe se faltar a prova do DS.
posture-dnssec-no-trust-anchor = As chaves da raiz não correspondem a nenhuma âncora de confiança configurada, por isso nada pode ser validado (um problema da configuração do verificador ou das respostas do resolvedor, não deste domínio).
posture-dnssec-no-trust-anchor-fix = Verifique a âncora de confiança dada ao verificador e o resolvedor que ele usa.
posture-dnssec-indeterminate = Não foi possível determinar o estado DNSSEC porque uma consulta falhou; isto não é o mesmo que não assinado.
posture-dnssec-indeterminate-fix = Tente novamente; verifique que os servidores de nomes respondem a consultas DS e DNSKEY por UDP e TCP.
posture-dnssec-secure = O domínio é validado com DNSSEC a partir da âncora de confiança.
posture-dnssec-secure-fix = Nada a fazer; mantenha a assinatura automática.
posture-spf-missing = Nenhum registo SPF: qualquer pessoa pode enviar e-mails em nome deste domínio e os destinatários não conseguem distinguir.
posture-spf-missing-fix = Publique um registo TXT como "v=spf1 mx -all" com a lista dos servidores que enviam o seu e-mail.
posture-spf-multiple-records = Mais de um registo SPF: os servidores destinatários têm de tratar isto como um erro permanente e ignorar totalmente o SPF.
posture-spf-multiple-records-fix = Junte-os num único registo TXT "v=spf1 ...".
posture-spf-syntax-error = O registo SPF não segue a sintaxe do RFC 7208; os servidores destinatários tratam-no como um erro permanente.
posture-spf-syntax-error-fix = Corrija o termo indicado nas evidências.
posture-spf-pass-all = O registo SPF termina em "+all": todos os servidores da internet estão autorizados a enviar em nome deste domínio.
posture-spf-pass-all-fix = Termine o registo com "-all" (ou "~all" durante os testes).
posture-spf-neutral-all = O registo SPF termina em "?all", o que nada diz sobre os remetentes não listados.
posture-spf-neutral-all-fix = Termine o registo com "-all".
posture-spf-softfail-all = O registo SPF termina em "~all" (soft fail); com a aplicação do DMARC isto é aceitável, mas "-all" é mais rigoroso.
posture-spf-softfail-all-fix = Considere "-all" quando todos os remetentes estiverem listados.
posture-spf-no-all = O registo SPF não tem mecanismo "all" nem redirect, por isso os remetentes não listados obtêm um resultado neutro.
posture-spf-no-all-fix = Termine o registo com "-all".
posture-spf-ptr-mechanism = O registo SPF usa "ptr", que o RFC 7208 desaconselha: é lento, pouco fiável e pode ser ignorado.
posture-spf-ptr-mechanism-fix = Substitua ptr por mecanismos ip4/ip6/a/mx.
posture-spf-too-many-lookups = A avaliação do registo SPF exige mais de 10 termos com consultas DNS (include, a, mx, ptr, exists, redirect); os servidores destinatários devolvem um erro permanente.
posture-spf-too-many-lookups-fix = Simplifique os include ou remova os que não são usados, para que restem no máximo 10 consultas.
posture-spf-too-many-void-lookups = Mais de 2 consultas na avaliação do SPF não devolvem dados ou devolvem NXDOMAIN; os servidores destinatários devolvem um erro permanente.
posture-spf-too-many-void-lookups-fix = Remova os mecanismos que apontam para nomes sem registos.
posture-spf-include-no-record = Um include aponta para um domínio sem registo SPF, o que é um erro permanente.
posture-spf-include-no-record-fix = Remova o include ou corrija o registo SPF do domínio de destino.
posture-spf-include-loop = Os include ou redirect do SPF formam um ciclo.
posture-spf-include-loop-fix = Remova o include ou o redirect que aponta para trás.
posture-spf-lookup-error = Não foi possível consultar o registo SPF (ou um registo a que ele se refere); o resultado é desconhecido, não ausente.
posture-spf-lookup-error-fix = Verifique que os servidores de nomes respondem a consultas TXT; tente novamente.
posture-spf-redirect-ignored = O registo tem "all" e "redirect="; o redirect nunca é usado.
posture-spf-redirect-ignored-fix = Remova um dos dois.
posture-dmarc-missing = Nenhum registo DMARC: os servidores destinatários não têm política para o e-mail que falha o SPF e o DKIM, e não recebe relatórios.
posture-dmarc-missing-fix = Publique "v=DMARC1; p=reject; rua=mailto:..." em _dmarc.<domain> (comece com p=none apenas enquanto recolhe relatórios).
posture-dmarc-multiple-records = Mais de um registo DMARC: os servidores destinatários têm de ignorar totalmente o DMARC.
posture-dmarc-multiple-records-fix = Mantenha exatamente um registo TXT "v=DMARC1" em _dmarc.
posture-dmarc-syntax-error = O registo DMARC não segue a sintaxe do RFC 7489.
posture-dmarc-syntax-error-fix = Corrija a etiqueta indicada nas evidências.
posture-dmarc-policy-none = A política DMARC é p=none: o e-mail que falha é entregue normalmente, por isso a falsificação do remetente não é travada.
posture-dmarc-policy-none-fix = Passe para p=quarantine e depois para p=reject quando os relatórios mostrarem que o e-mail legítimo passa.
posture-dmarc-policy-quarantine = A política DMARC é p=quarantine; p=reject é a proteção mais forte.
posture-dmarc-policy-quarantine-fix = Passe para p=reject quando os relatórios o permitirem.
posture-dmarc-subdomain-policy-none = A política de subdomínios é sp=none: o e-mail falsificado vindo de subdomínios inventados é entregue.
posture-dmarc-subdomain-policy-none-fix = Defina sp=reject (ou remova sp para herdar p).
posture-dmarc-pct-partial = pct é inferior a 100: a política só se aplica a uma parte do e-mail que falha.
posture-dmarc-pct-partial-fix = Defina pct=100 (ou remova pct).
posture-dmarc-no-rua = Nenhum endereço rua= para relatórios agregados: não verá quem envia e-mail em nome do seu domínio.
posture-dmarc-no-rua-fix = Adicione rua=mailto:dmarc-reports@<your domain>.
posture-dmarc-rua-external-unauthorized = Um endereço de relatórios está no domínio de outra organização que não o autorizou (RFC 7489 7.1); os servidores destinatários não enviarão esses relatórios.
posture-dmarc-rua-external-unauthorized-fix = Peça ao destino que publique "v=DMARC1" em <your domain>._report._dmarc.<their domain>.
posture-dmarc-inherited-from-org-domain = Este domínio não tem registo DMARC próprio; aplica-se o registo do domínio organizacional.
posture-dmarc-inherited-from-org-domain-fix = Nada é obrigatório; publique um registo aqui para definir uma política diferente.
posture-dmarc-lookup-error = Não foi possível consultar o registo DMARC; o resultado é desconhecido, não ausente.
posture-dmarc-lookup-error-fix = Verifique que os servidores de nomes respondem a consultas TXT para _dmarc; tente novamente.
posture-dkim-missing = Não foi encontrada nenhuma chave DKIM nos seletores testados; sem DKIM, o DMARC depende só do SPF, que falha com o encaminhamento.
posture-dkim-missing-fix = Assine o e-mail enviado com DKIM e publique a chave; indique o seu seletor com --dkim-selector.
posture-dkim-key-malformed = Um registo de chave DKIM não segue o RFC 6376 ou a chave não pode ser interpretada; as assinaturas feitas com ela falham.
posture-dkim-key-malformed-fix = Volte a publicar o registo a partir da configuração DKIM do seu sistema de e-mail.
posture-dkim-key-revoked = Um seletor DKIM tem uma chave vazia (p=): a chave está revogada.
posture-dkim-key-revoked-fix = Nada, se o seletor foi retirado; caso contrário, publique a chave atual.
posture-dkim-key-too-short = Uma chave RSA DKIM tem menos de 1024 bits e pode ser quebrada por fatoração; os servidores destinatários ignoram essas assinaturas.
posture-dkim-key-too-short-fix = Gere uma chave RSA de 2048 bits (ou Ed25519 além de RSA) e faça a rotação.
posture-dkim-key-weak = Uma chave RSA DKIM tem menos de 2048 bits.
posture-dkim-key-weak-fix = Faça a rotação para uma chave RSA de 2048 bits.
posture-dkim-testing-mode = Uma chave DKIM está em modo de teste (t=y): os servidores destinatários podem tratar as suas assinaturas como inexistentes.
posture-dkim-testing-mode-fix = Remova t=y quando a assinatura funcionar.
posture-dkim-lookup-error = Não foi possível consultar um seletor DKIM; o resultado é desconhecido.
posture-dkim-lookup-error-fix = Tente novamente; verifique os servidores de nomes.
posture-mx-null = O domínio publica um MX nulo (RFC 7505): declara que não recebe e-mail; aplicam-se as regras para domínios sem e-mail.
posture-mx-null-fix = Nada; publique também "v=spf1 -all" e DMARC p=reject.
posture-mx-missing = Nenhum registo MX: o e-mail recorre aos registos de endereço do domínio.
posture-mx-missing-fix = Publique registos MX, ou um MX nulo ("MX 0 .") se o domínio não recebe e-mail.
posture-mx-lookup-error = Não foi possível consultar os registos MX; o resultado é desconhecido.
posture-mx-lookup-error-fix = Verifique que os servidores de nomes respondem a consultas MX.
posture-mx-host-unresolvable = Um servidor MX não tem registos de endereço; o e-mail enviado para ele falha.
posture-mx-host-unresolvable-fix = Corrija o destino do MX ou os seus registos A/AAAA.
posture-mta-sts-missing = Nenhum registo MTA-STS: os remetentes não podem exigir TLS autenticado para os seus servidores MX.
posture-mta-sts-missing-fix = Publique _mta-sts TXT "v=STSv1; id=..." e uma política em https://mta-sts.<domain>/.well-known/mta-sts.txt.
posture-mta-sts-syntax-error = O registo TXT MTA-STS ou o documento de política não segue o RFC 8461.
posture-mta-sts-syntax-error-fix = Corrija o campo indicado nas evidências.
posture-mta-sts-mode-testing = A política MTA-STS está em modo de teste: as falhas são comunicadas, mas não bloqueadas.
posture-mta-sts-mode-testing-fix = Mude para mode: enforce quando os relatórios TLS estiverem limpos.
posture-mta-sts-mx-mismatch = Um servidor MX não está coberto pelos padrões mx: da política MTA-STS; os remetentes que aplicam a política recusarão entregar-lhe e-mail.
posture-mta-sts-mx-mismatch-fix = Adicione o servidor MX (ou um padrão *. correspondente) à política.
posture-mta-sts-policy-unreachable = Não foi possível obter a política MTA-STS por HTTPS validado, por isso a política não está em vigor.
posture-mta-sts-policy-unreachable-fix = Disponibilize a política em https://mta-sts.<domain>/.well-known/mta-sts.txt com um certificado válido.
posture-mta-sts-lookup-error = Não foi possível consultar o registo MTA-STS; o resultado é desconhecido.
posture-mta-sts-lookup-error-fix = Tente novamente; verifique os servidores de nomes.
posture-tls-rpt-missing = Nenhum registo TLS-RPT: não será informado das entregas TLS que falham.
posture-tls-rpt-missing-fix = Publique _smtp._tls TXT "v=TLSRPTv1; rua=mailto:...".
posture-tls-rpt-syntax-error = O registo TLS-RPT não segue o RFC 8460.
posture-tls-rpt-syntax-error-fix = Corrija o registo indicado nas evidências.
posture-tlsa-missing = Nenhum registo TLSA (DANE) para este servidor; com o DNSSEC implementado, o DANE permite aos remetentes autenticá-lo.
posture-tlsa-missing-fix = Publique um registo TLSA "3 1 1" para o serviço.
posture-tlsa-mismatch = O registo TLSA não corresponde a nenhum dos certificados apresentados pelo servidor: os clientes DANE recusarão a conexão.
posture-tlsa-mismatch-fix = Atualize o registo TLSA para o certificado ou a chave atual (publique o novo antes de uma rotação).
posture-tlsa-lookup-error = Não foi possível consultar um registo TLSA; o resultado é desconhecido.
posture-tlsa-lookup-error-fix = Tente novamente; verifique os servidores de nomes.
posture-caa-missing = Nenhum registo CAA: qualquer autoridade de certificação pode emitir certificados para este domínio.
posture-caa-missing-fix = Publique CAA "0 issue \"your-ca.example\"" para as CA que utiliza.
posture-caa-unknown-critical-tag = Um registo CAA tem a flag crítica com uma etiqueta que as CA não conhecem; todas as CA têm de recusar a emissão.
posture-caa-unknown-critical-tag-fix = Remova a flag crítica ou a etiqueta desconhecida.
posture-caa-lookup-error = Não foi possível consultar os registos CAA; as CA também recusam emitir quando isto falha.
posture-caa-lookup-error-fix = Verifique que os servidores de nomes respondem a consultas CAA.
posture-https-unreachable = O site não responde em HTTPS na porta 443.
posture-https-unreachable-fix = Disponibilize o site por HTTPS.
posture-https-address-refused = O nome do site aponta para um endereço de loopback, privado ou de outro uso especial: não é acessível a partir da internet e o hub não se conecta a ele.
posture-https-address-refused-fix = Publique apenas endereços públicos (A e AAAA) para o nome.
posture-https-modern-tls-missing = O servidor não oferece TLS 1.3 nem TLS 1.2.
posture-https-modern-tls-missing-fix = Ative o TLS 1.2 e o TLS 1.3.
posture-https-tls13-missing = O servidor não oferece TLS 1.3.
posture-https-tls13-missing-fix = Ative o TLS 1.3.
posture-https-legacy-tls-enabled = O servidor ainda aceita TLS 1.0 ou 1.1, que estão obsoletos (RFC 8996).
posture-https-legacy-tls-enabled-fix = Desative o TLS 1.0 e 1.1.
posture-https-cert-expired = O certificado expirou ou ainda não é válido.
posture-https-cert-expired-fix = Renove o certificado e automatize a renovação.
posture-https-cert-expiring = O certificado expira dentro de 14 dias.
posture-https-cert-expiring-fix = Renove já o certificado e automatize a renovação.
posture-https-cert-hostname-mismatch = O certificado não é válido para este nome de host.
posture-https-cert-hostname-mismatch-fix = Emita um certificado que inclua este nome de host.
posture-https-cert-untrusted = O certificado não leva a uma raiz de confiança.
posture-https-cert-untrusted-fix = Use um certificado de uma CA publicamente reconhecida.
posture-https-cert-chain-incomplete = O servidor não envia o(s) certificado(s) intermediário(s), por isso muitos clientes não conseguem construir a cadeia.
posture-https-cert-chain-incomplete-fix = Configure a cadeia completa (certificado final mais intermediários).
posture-https-hsts-missing = Nenhum cabeçalho Strict-Transport-Security (ou max-age inferior a um ano): os navegadores podem ser forçados a voltar ao HTTP.
posture-https-hsts-missing-fix = Envie Strict-Transport-Security: max-age=31536000.
posture-https-no-redirect = O HTTP simples não redireciona para HTTPS.
posture-https-no-redirect-fix = Redirecione todos os pedidos http:// para https:// com 301.
