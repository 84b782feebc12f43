// Splitting by subject: no subject on both sides, the held-out share follows the fraction,
// the choice depends on the seed and the set of subjects only.
#include "ErrorKindOf.h"
#include "ridgeworks/data/SubjectSplit.h"

#include <QtTest>

#include <algorithm>
#include <set>

class TestSubjectSplit : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void noSubjectOnBothSides();
    void respectsTheFraction_data();
    void respectsTheFraction();
    void seededAndDeterministic();
    void independentOfItemOrder();
    void smallAndDegenerateInputs();
};

namespace {

// 50 subjects with 1..10 items each, interleaved.
std::vector<int> subjects()
{
    std::vector<int> items;
    for (int round = 0; round < 10; ++round)
        for (int subject = 100; subject < 150; ++subject)
            if (round < 1 + subject % 10)
                items.push_back(subject);
    return items;
}

std::set<int> subjectsOf(const std::vector<std::size_t>& indices, const std::vector<int>& items)
{
    std::set<int> out;
    for (const std::size_t i : indices)
        out.insert(items[i]);
    return out;
}

}  // namespace

void TestSubjectSplit::noSubjectOnBothSides()
{
    const std::vector<int> items = subjects();
    for (std::uint64_t seed = 1; seed <= 20; ++seed) {
        const rw::SubjectSplit split = rw::splitBySubject(items, 0.2, seed);
        QCOMPARE(split.train.size() + split.validation.size(), items.size());
        const std::set<int> train = subjectsOf(split.train, items);
        const std::set<int> validation = subjectsOf(split.validation, items);
        for (const int s : validation)
            QVERIFY(!train.count(s));
        // Every item exactly once.
        std::vector<std::size_t> all = split.train;
        all.insert(all.end(), split.validation.begin(), split.validation.end());
        std::sort(all.begin(), all.end());
        for (std::size_t i = 0; i < all.size(); ++i)
            QCOMPARE(all[i], i);
    }
}

void TestSubjectSplit::respectsTheFraction_data()
{
    QTest::addColumn<double>("fraction");
    QTest::addColumn<int>("expectedSubjects");
    QTest::newRow("0.1") << 0.1 << 5;
    QTest::newRow("0.15") << 0.15 << 8;  // 7.5 rounds to 8
    QTest::newRow("0.5") << 0.5 << 25;
    QTest::newRow("tiny: at least one") << 0.001 << 1;
    QTest::newRow("0.99: at least one in train") << 0.99 << 49;
}

void TestSubjectSplit::respectsTheFraction()
{
    QFETCH(double, fraction);
    QFETCH(int, expectedSubjects);
    const std::vector<int> items = subjects();
    const rw::SubjectSplit split = rw::splitBySubject(items, fraction, 7);
    QCOMPARE(static_cast<int>(subjectsOf(split.validation, items).size()), expectedSubjects);
    QCOMPARE(static_cast<int>(subjectsOf(split.train, items).size()), 50 - expectedSubjects);
}

void TestSubjectSplit::seededAndDeterministic()
{
    const std::vector<int> items = subjects();
    const rw::SubjectSplit a = rw::splitBySubject(items, 0.2, 5);
    const rw::SubjectSplit b = rw::splitBySubject(items, 0.2, 5);
    QCOMPARE(a.train, b.train);
    QCOMPARE(a.validation, b.validation);
    QVERIFY(std::is_sorted(a.train.begin(), a.train.end()));
    QVERIFY(std::is_sorted(a.validation.begin(), a.validation.end()));
    // Other seeds hold out other subjects.
    std::set<std::set<int>> distinct;
    for (std::uint64_t seed = 1; seed <= 10; ++seed)
        distinct.insert(subjectsOf(rw::splitBySubject(items, 0.2, seed).validation, items));
    QVERIFY(distinct.size() >= 9);
}

void TestSubjectSplit::independentOfItemOrder()
{
    std::vector<int> items = subjects();
    const std::set<int> before = subjectsOf(rw::splitBySubject(items, 0.3, 11).validation, items);
    std::reverse(items.begin(), items.end());
    std::rotate(items.begin(), items.begin() + 17, items.end());
    const std::set<int> after = subjectsOf(rw::splitBySubject(items, 0.3, 11).validation, items);
    QCOMPARE(after, before);
}

void TestSubjectSplit::smallAndDegenerateInputs()
{
    QVERIFY(rw::splitBySubject({}, 0.2, 1).train.empty());
    // One subject: nothing can be held out.
    const rw::SubjectSplit one = rw::splitBySubject({4, 4, 4}, 0.5, 1);
    QCOMPARE(one.train.size(), std::size_t(3));
    QVERIFY(one.validation.empty());
    // Two subjects: one on each side.
    const std::vector<int> two{1, 2, 1, 2, 2};
    const rw::SubjectSplit split = rw::splitBySubject(two, 0.15, 3);
    QCOMPARE(subjectsOf(split.validation, two).size(), std::size_t(1));
    QCOMPARE(subjectsOf(split.train, two).size(), std::size_t(1));
    // Fractions outside [0, 1) are refused.
    QCOMPARE(rw::test::errorKindOf([] {
                 rw::splitBySubject({1, 2}, 1.0, 1);
             }),
             std::optional(rw::ErrorKind::InvalidArgument));
    QCOMPARE(rw::test::errorKindOf([] {
                 rw::splitBySubject({1, 2}, -0.1, 1);
             }),
             std::optional(rw::ErrorKind::InvalidArgument));
}

QTEST_GUILESS_MAIN(TestSubjectSplit)
#include "tst_subjectsplit.moc"
