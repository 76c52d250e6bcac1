#[test]
fn make_demo() {
    let Some(dir) = std::env::var_os("DEMO_DIR") else {
        return;
    };
    let days: u32 = std::env::var("DEMO_DAYS")
        .ok()
        .and_then(|d| d.parse().ok())
        .unwrap_or(400);
    let today = jiff::Zoned::now().date();
    let mut j = backlog::journal::sample::journal(today, days, 7);
    j.profile.age = Some(backlog::journal::Age::Years {
        years: 58,
        on: today,
    });
    j.profile.emergency_number = "911".into();
    let store = backlog::store::Store::open(std::path::PathBuf::from(dir)).unwrap();
    store
        .update(|x| {
            *x = j.clone();
            Ok::<_, backlog::store::StoreError>(())
        })
        .unwrap();
}
