# Замечания проверки защищённости: для каждого кода — что он означает (`posture-<code>`) и что
# делать (`posture-<code>-fix`). Коды берутся из каталога crates/posture; тест портала проверяет,
# что у каждого кода есть обе фразы на каждом языке.

posture-domain-invalid = Указанное имя не является допустимым доменным именем.
posture-domain-invalid-fix = Проверьте написание; интернационализированные имена принимаются и преобразуются.
posture-domain-nxdomain = Домен не существует в DNS (NXDOMAIN); все остальные результаты следуют из этого.
posture-domain-nxdomain-fix = Проверьте написание или зарегистрируйте и делегируйте домен.
posture-check-timeout = Эта часть проверки не уложилась в отведённое время, поэтому её результат неизвестен.
posture-check-timeout-fix = Повторите проверку; если это повторяется, DNS-серверы домена работают медленно или недоступны.
posture-dnssec-missing = Домен не подписан DNSSEC (делегирование доказуемо незащищено), поэтому резолверы не могут распознать поддельные ответы.
posture-dnssec-missing-fix = Подпишите зону у своего DNS-оператора и опубликуйте запись DS у регистратора.
posture-dnssec-bogus = Проверка DNSSEC не проходит: проверяющие резолверы откажутся отвечать по этому домену, и почта и сайт перестанут работать для большинства пользователей.
posture-dnssec-bogus-fix = Заново подпишите зону или исправьте запись DS у регистратора; точная причина сбоя указана в данных проверки.
posture-dnssec-signature-expired = Срок действия подписей DNSSEC истёк (или ещё не наступил); проверяющие резолверы считают домен недействительным (bogus).
posture-dnssec-signature-expired-fix = Заново подпишите зону и убедитесь, что автоматическое переподписание выполняется задолго до истечения срока подписей.
posture-dnssec-ds-mismatch = Запись DS в родительской зоне не соответствует ни одному ключу DNSKEY зоны: цепочка доверия разорвана, и домен недействителен (bogus).
posture-dnssec-ds-mismatch-fix = Опубликуйте у регистратора запись DS, соответствующую текущему ключу подписи ключей (KSK), или верните прежний ключ.
posture-dnssec-bad-signature = Подпись DNSSEC не проходит проверку ключами зоны: данные изменены или подписаны другим ключом, и домен недействителен (bogus).
posture-dnssec-bad-signature-fix = Заново подпишите зону ключами, которые она публикует; убедитесь, что все DNS-серверы отдают одну и ту же подписанную зону.
posture-dnssec-missing-signature = Подписанные данные приходят без подписи DNSSEC: проверяющие резолверы считают домен недействительным (bogus).
posture-dnssec-missing-signature-fix = Заново подпишите зону и убедитесь, что все DNS-серверы отдают подписанную версию.
posture-dnssec-unproven-denial = Отрицательный ответ (нет DS, нет такого имени) приходит без действительного доказательства NSEC/NSEC3, поэтому цепочку доверия нельзя проследить, и домен недействителен (bogus).
posture-dnssec-unproven-denial-fix = Заново подпишите зону, чтобы записи NSEC или NSEC3 публиковались и были подписаны; если нет доказательства для DS, проверьте родительскую зону.
posture-dnssec-no-trust-anchor = Корневые ключи не соответствуют ни одному настроенному якорю доверия, поэтому ничего нельзя проверить (это проблема настройки проверяющей системы или ответов резолвера, а не этого домена).
posture-dnssec-no-trust-anchor-fix = Проверьте якорь доверия, заданный проверяющей системе, и резолвер, который она использует.
posture-dnssec-indeterminate = Не удалось определить состояние DNSSEC из-за сбоя запроса; это не то же самое, что отсутствие подписи.
posture-dnssec-indeterminate-fix = Повторите проверку; убедитесь, что DNS-серверы отвечают на запросы DS и DNSKEY по UDP и TCP.
posture-dnssec-secure = Домен успешно проходит проверку DNSSEC по всей цепочке от якоря доверия.
posture-dnssec-secure-fix = Ничего делать не нужно; сохраняйте автоматическое подписание.
posture-spf-missing = Нет записи SPF: кто угодно может отправлять письма якобы от имени этого домена, и получатели не смогут это распознать.
posture-spf-missing-fix = Опубликуйте запись TXT, например «v=spf1 mx -all», со списком серверов, которые отправляют вашу почту.
posture-spf-multiple-records = Записей SPF больше одной: получатели обязаны считать это постоянной ошибкой и полностью игнорировать SPF.
posture-spf-multiple-records-fix = Объедините их в одну запись TXT «v=spf1 ...».
posture-spf-syntax-error = Запись SPF не соответствует синтаксису RFC 7208; получатели считают это постоянной ошибкой.
posture-spf-syntax-error-fix = Исправьте элемент, указанный в данных проверки.
posture-spf-pass-all = Запись SPF заканчивается на «+all»: любой сервер в интернете может отправлять почту от имени этого домена.
posture-spf-pass-all-fix = Завершите запись на «-all» (или «~all» на время тестирования).
posture-spf-neutral-all = Запись SPF заканчивается на «?all», что ничего не говорит об отправителях, не указанных в списке.
posture-spf-neutral-all-fix = Завершите запись на «-all».
posture-spf-softfail-all = Запись SPF заканчивается на «~all» (мягкий отказ); при применяемой политике DMARC это допустимо, но «-all» строже.
posture-spf-softfail-all-fix = Перейдите на «-all», когда все отправители будут указаны в списке.
posture-spf-no-all = В записи SPF нет механизма «all» и перенаправления, поэтому отправители не из списка получают нейтральный результат.
posture-spf-no-all-fix = Завершите запись на «-all».
posture-spf-ptr-mechanism = Запись SPF использует «ptr», хотя RFC 7208 рекомендует его не применять: он медленный, ненадёжный и может игнорироваться.
posture-spf-ptr-mechanism-fix = Замените ptr механизмами ip4/ip6/a/mx.
posture-spf-too-many-lookups = Для проверки записи SPF нужно больше 10 элементов с DNS-запросами (include, a, mx, ptr, exists, redirect); получатели возвращают постоянную ошибку.
posture-spf-too-many-lookups-fix = Разверните вложенные include или удалите ненужные, чтобы осталось не более 10 запросов.
posture-spf-too-many-void-lookups = Более 2 запросов при проверке SPF не возвращают данных или возвращают NXDOMAIN; получатели возвращают постоянную ошибку.
posture-spf-too-many-void-lookups-fix = Удалите механизмы, которые указывают на имена без записей.
posture-spf-include-no-record = Один из include указывает на домен без записи SPF; это постоянная ошибка.
posture-spf-include-no-record-fix = Удалите этот include или исправьте запись SPF целевого домена.
posture-spf-include-loop = Вложенные include или перенаправления SPF образуют цикл.
posture-spf-include-loop-fix = Удалите include или redirect, который ведёт обратно.
posture-spf-lookup-error = Не удалось запросить запись SPF (или запись, на которую она ссылается); результат неизвестен, но это не значит, что записи нет.
posture-spf-lookup-error-fix = Убедитесь, что DNS-серверы отвечают на запросы TXT; повторите проверку.
posture-spf-redirect-ignored = В записи есть и «all», и «redirect=»; перенаправление никогда не используется.
posture-spf-redirect-ignored-fix = Удалите одно из двух.
posture-dmarc-missing = Нет записи DMARC: у получателей нет политики для писем, не прошедших SPF и DKIM, а вы не получаете отчётов.
posture-dmarc-missing-fix = Опубликуйте «v=DMARC1; p=reject; rua=mailto:...» в _dmarc.<domain> (начинайте с p=none только на время сбора отчётов).
posture-dmarc-multiple-records = Записей DMARC больше одной: получатели обязаны полностью игнорировать DMARC.
posture-dmarc-multiple-records-fix = Оставьте ровно одну запись TXT «v=DMARC1» в _dmarc.
posture-dmarc-syntax-error = Запись DMARC не соответствует синтаксису RFC 7489.
posture-dmarc-syntax-error-fix = Исправьте тег, указанный в данных проверки.
posture-dmarc-policy-none = Политика DMARC — p=none: письма, не прошедшие проверку, доставляются как обычно, поэтому подделка отправителя не пресекается.
posture-dmarc-policy-none-fix = Перейдите на p=quarantine, а затем на p=reject, когда отчёты покажут, что легитимная почта проходит проверку.
posture-dmarc-policy-quarantine = Политика DMARC — p=quarantine; самую сильную защиту даёт p=reject.
posture-dmarc-policy-quarantine-fix = Перейдите на p=reject, когда это позволят отчёты.
posture-dmarc-subdomain-policy-none = Политика для поддоменов — sp=none: поддельные письма от выдуманных поддоменов доставляются.
posture-dmarc-subdomain-policy-none-fix = Задайте sp=reject (или удалите sp, чтобы наследовать p).
posture-dmarc-pct-partial = pct меньше 100: политика применяется только к части писем, не прошедших проверку.
posture-dmarc-pct-partial-fix = Задайте pct=100 (или удалите pct).
posture-dmarc-no-rua = Нет адреса для сводных отчётов rua=: вы не увидите, кто отправляет почту от имени вашего домена.
posture-dmarc-no-rua-fix = Добавьте rua=mailto:dmarc-reports@<your domain>.
posture-dmarc-rua-external-unauthorized = Адрес для отчётов находится в домене другой организации, которая его не разрешила (RFC 7489, 7.1); получатели не будут отправлять эти отчёты.
posture-dmarc-rua-external-unauthorized-fix = Попросите владельца адреса опубликовать «v=DMARC1» в <your domain>._report._dmarc.<their domain>.
posture-dmarc-inherited-from-org-domain = У этого домена нет собственной записи DMARC; действует запись организационного домена.
posture-dmarc-inherited-from-org-domain-fix = Ничего делать не требуется; опубликуйте запись здесь, если нужна другая политика.
posture-dmarc-lookup-error = Не удалось запросить запись DMARC; результат неизвестен, но это не значит, что записи нет.
posture-dmarc-lookup-error-fix = Убедитесь, что DNS-серверы отвечают на запросы TXT для _dmarc; повторите проверку.
posture-dkim-missing = По проверенным селекторам ключ DKIM не найден; без DKIM DMARC опирается только на SPF, который не работает при пересылке писем.
posture-dkim-missing-fix = Подписывайте исходящую почту DKIM и опубликуйте ключ; укажите свой селектор в параметре --dkim-selector.
posture-dkim-key-malformed = Запись ключа DKIM не соответствует RFC 6376 или ключ не удаётся декодировать; подписи, сделанные им, не проходят проверку.
posture-dkim-key-malformed-fix = Опубликуйте запись заново из настроек DKIM вашей почтовой системы.
posture-dkim-key-revoked = У селектора DKIM пустой ключ (p=): ключ отозван.
posture-dkim-key-revoked-fix = Ничего, если селектор выведен из использования; иначе опубликуйте текущий ключ.
posture-dkim-key-too-short = Ключ DKIM RSA короче 1024 бит и может быть взломан разложением на множители; получатели игнорируют такие подписи.
posture-dkim-key-too-short-fix = Создайте ключ RSA длиной 2048 бит (или Ed25519 в дополнение к RSA) и замените старый.
posture-dkim-key-weak = Ключ DKIM RSA короче 2048 бит.
posture-dkim-key-weak-fix = Замените его ключом RSA длиной 2048 бит.
posture-dkim-testing-mode = Ключ DKIM находится в тестовом режиме (t=y): получатели могут считать его подписи отсутствующими.
posture-dkim-testing-mode-fix = Удалите t=y, когда подписание заработает.
posture-dkim-lookup-error = Не удалось запросить селектор DKIM; результат неизвестен.
posture-dkim-lookup-error-fix = Повторите проверку; проверьте DNS-серверы.
posture-mx-null = Домен публикует нулевую запись MX (RFC 7505): он заявляет, что не принимает почту; действуют правила для доменов без почты.
posture-mx-null-fix = Ничего; также опубликуйте «v=spf1 -all» и DMARC p=reject.
posture-mx-missing = Нет записи MX: почта доставляется на адресные записи самого домена.
posture-mx-missing-fix = Опубликуйте записи MX или нулевую запись MX («MX 0 .»), если домен не принимает почту.
posture-mx-lookup-error = Не удалось запросить записи MX; результат неизвестен.
posture-mx-lookup-error-fix = Убедитесь, что DNS-серверы отвечают на запросы MX.
posture-mx-host-unresolvable = У одного из MX-хостов нет адресных записей; почта на него не доставляется.
posture-mx-host-unresolvable-fix = Исправьте цель MX или её записи A/AAAA.
posture-mta-sts-missing = Нет записи MTA-STS: отправители не могут требовать TLS с проверкой подлинности при доставке на ваши MX-хосты.
posture-mta-sts-missing-fix = Опубликуйте _mta-sts TXT «v=STSv1; id=...» и политику по адресу https://mta-sts.<domain>/.well-known/mta-sts.txt.
posture-mta-sts-syntax-error = Запись TXT MTA-STS или файл политики не соответствует RFC 8461.
posture-mta-sts-syntax-error-fix = Исправьте поле, указанное в данных проверки.
posture-mta-sts-mode-testing = Политика MTA-STS в тестовом режиме: о сбоях сообщается, но они не блокируются.
posture-mta-sts-mode-testing-fix = Переключитесь на mode: enforce, когда отчёты TLS не будут показывать ошибок.
posture-mta-sts-mx-mismatch = Один из MX-хостов не подпадает под шаблоны mx: политики MTA-STS; отправители, применяющие политику, откажутся доставлять на него почту.
posture-mta-sts-mx-mismatch-fix = Добавьте этот MX-хост (или подходящий шаблон *.) в политику.
posture-mta-sts-policy-unreachable = Политику MTA-STS не удалось получить по HTTPS с проверенным сертификатом, поэтому политика не действует.
posture-mta-sts-policy-unreachable-fix = Разместите политику по адресу https://mta-sts.<domain>/.well-known/mta-sts.txt с действительным сертификатом.
posture-mta-sts-lookup-error = Не удалось запросить запись MTA-STS; результат неизвестен.
posture-mta-sts-lookup-error-fix = Повторите проверку; проверьте DNS-серверы.
posture-tls-rpt-missing = Нет записи TLS-RPT: вы не узнаете о неудачных доставках по TLS.
posture-tls-rpt-missing-fix = Опубликуйте _smtp._tls TXT «v=TLSRPTv1; rua=mailto:...».
posture-tls-rpt-syntax-error = Запись TLS-RPT не соответствует RFC 8460.
posture-tls-rpt-syntax-error-fix = Исправьте запись, указанную в данных проверки.
posture-tlsa-missing = Для этого хоста нет записи TLSA (DANE); при работающем DNSSEC DANE позволяет отправителям проверить его подлинность.
posture-tlsa-missing-fix = Опубликуйте для сервиса запись TLSA «3 1 1».
posture-tlsa-mismatch = Запись TLSA не соответствует ни одному сертификату, который предъявляет сервер: клиенты DANE откажутся от соединения.
posture-tlsa-mismatch-fix = Обновите запись TLSA под текущий сертификат или ключ (при смене публикуйте новую запись заранее).
posture-tlsa-lookup-error = Не удалось запросить запись TLSA; результат неизвестен.
posture-tlsa-lookup-error-fix = Повторите проверку; проверьте DNS-серверы.
posture-caa-missing = Нет записи CAA: любой удостоверяющий центр может выпускать сертификаты для этого домена.
posture-caa-missing-fix = Опубликуйте CAA "0 issue \"your-ca.example\"" для удостоверяющих центров, услугами которых вы пользуетесь.
posture-caa-unknown-critical-tag = Запись CAA содержит флаг critical с тегом, неизвестным удостоверяющим центрам; все удостоверяющие центры обязаны отказать в выпуске сертификата.
posture-caa-unknown-critical-tag-fix = Удалите флаг critical или неизвестный тег.
posture-caa-lookup-error = Не удалось запросить записи CAA; при такой ошибке удостоверяющие центры тоже отказывают в выпуске сертификата.
posture-caa-lookup-error-fix = Убедитесь, что DNS-серверы отвечают на запросы CAA.
posture-https-unreachable = Сайт не отвечает по HTTPS на порту 443.
posture-https-unreachable-fix = Обеспечьте работу сайта по HTTPS.
posture-https-address-refused = Имя сайта указывает на адрес обратной петли (loopback), частный или иной адрес специального назначения: сайт недоступен из интернета, и хаб к нему не подключается.
posture-https-address-refused-fix = Публикуйте для этого имени только публичные адреса (A и AAAA).
posture-https-modern-tls-missing = Сервер не поддерживает ни TLS 1.3, ни TLS 1.2.
posture-https-modern-tls-missing-fix = Включите TLS 1.2 и TLS 1.3.
posture-https-tls13-missing = Сервер не поддерживает TLS 1.3.
posture-https-tls13-missing-fix = Включите TLS 1.3.
posture-https-legacy-tls-enabled = Сервер всё ещё принимает TLS 1.0 или 1.1, которые признаны устаревшими (RFC 8996).
posture-https-legacy-tls-enabled-fix = Отключите TLS 1.0 и 1.1.
posture-https-cert-expired = Срок действия сертификата истёк или ещё не наступил.
posture-https-cert-expired-fix = Обновите сертификат и автоматизируйте его продление.
posture-https-cert-expiring = Срок действия сертификата истекает в течение 14 дней.
posture-https-cert-expiring-fix = Обновите сертификат сейчас и автоматизируйте его продление.
posture-https-cert-hostname-mismatch = Сертификат недействителен для этого имени хоста.
posture-https-cert-hostname-mismatch-fix = Выпустите сертификат, в котором указано это имя хоста.
posture-https-cert-untrusted = Цепочка сертификата не ведёт к доверенному корневому сертификату.
posture-https-cert-untrusted-fix = Используйте сертификат общепризнанного удостоверяющего центра.
posture-https-cert-chain-incomplete = Сервер не передаёт промежуточные сертификаты, поэтому многие клиенты не могут построить цепочку.
posture-https-cert-chain-incomplete-fix = Настройте полную цепочку (конечный сертификат и промежуточные).
posture-https-hsts-missing = Нет заголовка Strict-Transport-Security (или max-age меньше года): браузер можно принудить перейти на HTTP.
posture-https-hsts-missing-fix = Отправляйте Strict-Transport-Security: max-age=31536000.
posture-https-no-redirect = Обычный HTTP не перенаправляет на HTTPS.
posture-https-no-redirect-fix = Перенаправляйте каждый запрос http:// на https:// с кодом 301.
