//! Criterion benches: classification plus extraction per message, and model load time.

use criterion::{Criterion, Throughput, black_box, criterion_group, criterion_main};

const MESSAGES: &[&str] = &[
    "Correos: su paquete está retenido, pague 1,99 EUR en https://correos-es.top/pago",
    "Royal Mail: We missed you today. To arrange a redelivery please pay the £1.99 fee at royalmail-redelivery.com",
    "La Poste : votre colis LX123456785FR sera livré demain entre 9h et 13h. Suivi : https://www.laposte.fr/suivi",
    "Il codice di verifica BancoPosta è 482913. Non comunicarlo a nessuno.",
    "DHL: Ihre Sendung 00340434161234567890 wird heute zugestellt. Details unter https://www.dhl.de/sendung",
    "CTT: a sua encomenda está retida. Efetue o pagamento de 1,99 € hoje: hxxps://ctt-pt[.]info/x",
    "Posta Shqiptare: Paketa juaj është bllokuar. Paguani 150 ALL sot për ta liruar: bit.ly/3xYzAb",
    "Hey, did the parcel from mum arrive? I paid the postage, it should be with you by Friday",
    "Evri: delivery failed. Call our support team on 07912 123456 to rebook, or your item will be returned today.",
    "Reminder: your appointment with Dr Patel is on 12/03 at 10:30. Reply C to cancel.",
];

fn analyze(c: &mut Criterion) {
    let analyzer = scamtext::Analyzer::builtin().expect("shipped model loads");
    let mut g = c.benchmark_group("analyze");
    g.throughput(Throughput::Elements(MESSAGES.len() as u64));
    g.bench_function("mixed_10_messages", |b| {
        b.iter(|| {
            for m in MESSAGES {
                black_box(analyzer.analyze(black_box(m)));
            }
        })
    });
    g.finish();
    c.bench_function("model_load_builtin", |b| b.iter(|| black_box(scamtext::Analyzer::builtin().expect("loads"))));
}

criterion_group!(benches, analyze);
criterion_main!(benches);
