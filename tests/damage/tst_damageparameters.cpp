// Names, presets and the validation of custom parameters: every bad value is an
// InvalidArgument that names the parameter.
#include "DamageTestPrints.h"
#include "ErrorKindOf.h"
#include "ridgeworks/common/Error.h"
#include "ridgeworks/damage/Damage.h"

#include <QtTest>

using rw::DamageKind;
using rw::DamageLevel;
using rw::ErrorKind;
using rw::test::errorKindOf;

namespace {

// The message of the rw::Error a call throws ("" when it throws none).
std::string errorMessage(const std::function<void()>& call)
{
    try {
        call();
    } catch (const rw::Error& e) {
        return e.what();
    }
    return {};
}

rw::DamageSpec custom(DamageKind kind, std::vector<std::pair<std::string, double>> values)
{
    rw::DamageSpec s;
    s.kind = kind;
    s.level = DamageLevel::Custom;
    s.seed = 1;
    s.custom.values = std::move(values);
    return s;
}

}  // namespace

class TestDamageParameters : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void namesRoundTrip()
    {
        QCOMPARE(rw::allDamageKinds().size(), std::size_t(11));
        for (DamageKind kind : rw::allDamageKinds())
            QCOMPARE(rw::damageKindFromString(rw::toString(kind)), kind);
        for (DamageLevel level :
             {DamageLevel::Easy, DamageLevel::Medium, DamageLevel::Hard, DamageLevel::Custom})
            QCOMPARE(rw::damageLevelFromString(rw::toString(level)), level);
        QCOMPARE(std::string(rw::toString(DamageKind::ZCut)), std::string("zcut"));
        QCOMPARE(std::string(rw::toString(DamageKind::ZPlasty)), std::string("zplasty"));
        QVERIFY(!rw::damageLevelFromString("extreme"));
        QVERIFY(!rw::damageLevelFromString("Easy"));
        QVERIFY(!rw::damageKindFromString("rotate"));
        QCOMPARE(rw::presetDamageLevels().size(), std::size_t(3));
    }

    void presetsGrowWithLevel()
    {
        for (DamageKind kind : {DamageKind::Obliteration, DamageKind::Rotation, DamageKind::ZCut,
                                DamageKind::ZPlasty, DamageKind::Occlusion}) {
            const double easy = rw::damagePreset(kind, DamageLevel::Easy).get("areaFraction");
            const double medium = rw::damagePreset(kind, DamageLevel::Medium).get("areaFraction");
            const double hard = rw::damagePreset(kind, DamageLevel::Hard).get("areaFraction");
            QVERIFY(easy < medium && medium < hard);
        }
        QVERIFY(rw::damagePreset(DamageKind::Rotation, DamageLevel::Hard).get("angleMinDeg") >
                rw::damagePreset(DamageKind::Rotation, DamageLevel::Easy).get("angleMaxDeg"));
        QCOMPARE(errorKindOf([] { rw::damagePreset(DamageKind::Blur, DamageLevel::Custom); }),
                 ErrorKind::InvalidArgument);
    }

    void getAndSet()
    {
        rw::DamageParameters p;
        p.set("a", 1.0);
        p.set("a", 2.0);
        QCOMPARE(p.values.size(), std::size_t(1));
        QCOMPARE(p.get("a"), 2.0);
        QCOMPARE(errorKindOf([&] { (void)p.get("b"); }), ErrorKind::InvalidArgument);
    }

    void customOverridesMedium()
    {
        const rw::DamageParameters p = rw::resolveDamageParameters(
            DamageKind::Obliteration, DamageLevel::Custom,
            custom(DamageKind::Obliteration, {{"areaFraction", 0.3}, {"blobs", 4}}).custom);
        QCOMPARE(p.get("areaFraction"), 0.3);
        QCOMPARE(p.get("blobs"), 4.0);
        QCOMPARE(p.get("scar"),
                 rw::damagePreset(DamageKind::Obliteration, DamageLevel::Medium).get("scar"));
        const rw::SyntheticPrint& print = rw::test::damageTestPrint(3);
        const rw::DamagedPrint d = rw::applyDamage(
            print.image, print.foreground,
            custom(DamageKind::Obliteration, {{"areaFraction", 0.3}, {"blobs", 4}}));
        QVERIFY(std::abs(d.damagedFraction - 0.3) < 0.02);
        QCOMPARE(d.applied.get("blobs"), 4.0);
    }

    void badParametersAreNamed_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("name");
        QTest::addColumn<double>("value");
        auto row = [](const char* tag, DamageKind k, const char* n, double v) {
            QTest::newRow(tag) << int(k) << QString::fromLatin1(n) << v;
        };
        row("negative area", DamageKind::Obliteration, "areaFraction", -0.1);
        row("area above 0.9", DamageKind::Rotation, "areaFraction", 1.5);
        row("zero area", DamageKind::Occlusion, "areaFraction", 0.0);
        row("negative cut width", DamageKind::ZCut, "cutWidthPx", -2.0);
        row("negative displacement", DamageKind::ZCut, "displacementPx", -1.0);
        row("negative seam width", DamageKind::ZPlasty, "scarWidthPx", -1.0);
        row("negative blur", DamageKind::Blur, "sigmaMaxPx", -1.0);
        row("fractional count", DamageKind::Scratch, "count", 2.5);
        row("zero blobs", DamageKind::Obliteration, "blobs", 0.0);
        row("opacity above 1", DamageKind::Background, "opacity", 1.2);
        row("angle above 180", DamageKind::Rotation, "angleMaxDeg", 200.0);
        row("not a number", DamageKind::Elastic, "amplitudePx", std::nan(""));
        row("unknown name", DamageKind::Obliteration, "radius", 3.0);
    }
    void badParametersAreNamed()
    {
        QFETCH(int, kind);
        QFETCH(QString, name);
        QFETCH(double, value);
        const rw::SyntheticPrint& print = rw::test::damageTestPrint(3);
        const rw::DamageSpec s = custom(DamageKind(kind), {{name.toStdString(), value}});
        QCOMPARE(errorKindOf([&] { rw::applyDamage(print.image, print.foreground, s); }),
                 ErrorKind::InvalidArgument);
        const std::string message =
            errorMessage([&] { rw::applyDamage(print.image, print.foreground, s); });
        // Quoted as in the message; built with append (g++ 12 warns on "'" + string + "'").
        const std::string quoted = QStringLiteral("'%1'").arg(name).toStdString();
        QVERIFY2(message.find(quoted) != std::string::npos, message.c_str());
    }

    void minimumAboveMaximumIsRefused()
    {
        const rw::SyntheticPrint& print = rw::test::damageTestPrint(3);
        const rw::DamageSpec s =
            custom(DamageKind::Rotation, {{"angleMinDeg", 50.0}, {"angleMaxDeg", 10.0}});
        const std::string message =
            errorMessage([&] { rw::applyDamage(print.image, print.foreground, s); });
        QVERIFY2(message.find("angleMinDeg") != std::string::npos, message.c_str());
    }

    void badInputsAreRefused()
    {
        const rw::SyntheticPrint& print = rw::test::damageTestPrint(3);
        rw::DamageSpec s;
        QCOMPARE(errorKindOf([&] { rw::applyDamage(cv::Mat(), {}, s); }),
                 ErrorKind::InvalidArgument);
        cv::Mat colour;
        cv::Mat planes[] = {print.image, print.image, print.image};
        cv::merge(planes, 3, colour);
        QCOMPARE(errorKindOf([&] { rw::applyDamage(colour, {}, s); }), ErrorKind::InvalidArgument);
        QCOMPARE(
            errorKindOf([&] { rw::applyDamage(print.image, cv::Mat::zeros(10, 10, CV_8UC1), s); }),
            ErrorKind::InvalidArgument);
        QCOMPARE(errorKindOf([&] {
                     rw::applyDamage(print.image, cv::Mat::zeros(print.image.size(), CV_8UC1), s);
                 }),
                 ErrorKind::InvalidArgument);  // no foreground at all
        s.ppi = 0.0;
        QCOMPARE(errorKindOf([&] { rw::applyDamage(print.image, print.foreground, s); }),
                 ErrorKind::InvalidArgument);
    }
};

QTEST_GUILESS_MAIN(TestDamageParameters)
#include "tst_damageparameters.moc"
