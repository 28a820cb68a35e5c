//! Fuzz target: any body through parse_bundle, duplicate_versions and validate_object.
//! Must never panic; errors must name a field or property.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    match stix::parse_bundle(data) {
        Ok(bundle) => {
            let results = stix::validate_objects(&bundle.objects);
            assert_eq!(results.len(), bundle.objects.len());
            for (obj, result) in bundle.objects.iter().zip(results) {
                if let Err(e) = result {
                    assert!(!e.path.is_empty() || !obj.is_object(), "{e}");
                }
            }
        }
        Err(e) => assert!(!e.field().is_empty()),
    }
});
