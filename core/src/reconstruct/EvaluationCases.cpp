#include "reconstruct/EvaluationCases.h"

#include "ridgeworks/common/Error.h"
#include "ridgeworks/common/Random.h"
#include "ridgeworks/damage/Damage.h"
#include "ridgeworks/data/AlteredPairMask.h"
#include "ridgeworks/data/SocofingScan.h"
#include "ridgeworks/image/ImageLoader.h"
#include "ridgeworks/synth/SyntheticPrint.h"

#include <algorithm>

namespace rw::evaluation {
namespace {

namespace fs = std::filesystem;

// Held-out synthetic prints come in the four sizes and resolutions the shipped models were
// trained on (resources/models/train-shipped-models.sh), from seeds they never saw.
struct SyntheticShape {
    int width, height;
    double ppi;
};
constexpr SyntheticShape kShapes[] = {
    {160, 176, 500.0}, {200, 224, 600.0}, {144, 160, 420.0}, {240, 256, 550.0}};

class SyntheticCases final : public CaseList {
public:
    explicit SyntheticCases(const EvaluationOptions& options)
        : m_options(options)
    {
    }
    std::size_t count() const override
    {
        return m_options.kinds.size() * m_options.levels.size() *
               std::size_t(std::max(0, m_options.syntheticPerCell));
    }
    EvaluationCase load(std::size_t index) const override
    {
        const std::size_t perCell = std::size_t(m_options.syntheticPerCell);
        const std::size_t cell = index / perCell;
        const std::size_t within = index % perCell;
        const DamageKind kind = m_options.kinds[cell / m_options.levels.size()];
        const DamageLevel level = m_options.levels[cell % m_options.levels.size()];
        // The same clean print for every (kind, level): differences between cells are the
        // damage's, not the print's.
        const std::uint64_t printSeed = m_options.seed + within;
        const SyntheticShape shape = kShapes[within % std::size(kShapes)];
        SynthOptions synth;
        synth.width = shape.width;
        synth.height = shape.height;
        synth.ppi = shape.ppi;
        synth.seed = printSeed;
        const SyntheticPrint print = generateSyntheticPrint(synth);

        DamageSpec spec;
        spec.kind = kind;
        spec.level = level;
        // Its own damage seed per (print, kind, level), drawn from the print's seed.
        Rng rng(printSeed * 1000003u + std::uint64_t(kind) * 31u + std::uint64_t(level));
        spec.seed = rng.nextU64() >> 1;
        spec.ppi = shape.ppi;
        const DamagedPrint damaged = applyDamage(print.image, print.foreground, spec);

        EvaluationCase c;
        c.id =
            "synthetic-" + std::to_string(printSeed) + "-" + toString(kind) + "-" + toString(level);
        c.kind = toString(kind);
        c.level = toString(level);
        c.clean = print.image;
        c.damaged = damaged.image;
        c.mask = damaged.mask;
        return c;
    }

private:
    EvaluationOptions m_options;
};

struct FilePair {
    fs::path clean, damaged, mask;
    std::string kind = "unknown", level = "unknown";
};

EvaluationCase loadPair(const FilePair& pair)
{
    EvaluationCase c;
    c.id = pair.damaged.filename().string();
    c.kind = pair.kind;
    c.level = pair.level;
    c.clean = loadPrint(pair.clean).pixels;
    c.damaged = loadPrint(pair.damaged).pixels;
    if (c.clean.size() != c.damaged.size())
        throw Error(ErrorKind::InvalidArgument,
                    "size differs from its clean print " + pair.clean.filename().string(),
                    pair.damaged);
    c.mask = pair.mask.empty() ? alteredPairMask(c.clean, c.damaged)
                               : loadDamageMask(pair.mask.string(), c.clean.size());
    return c;
}

class FilePairCases final : public CaseList {
public:
    explicit FilePairCases(std::vector<FilePair> pairs)
        : m_pairs(std::move(pairs))
    {
    }
    std::size_t count() const override { return m_pairs.size(); }
    EvaluationCase load(std::size_t index) const override { return loadPair(m_pairs[index]); }

private:
    std::vector<FilePair> m_pairs;
};

std::unique_ptr<CaseList> socofingCases(const EvaluationOptions& options)
{
    const SocofingScan scan = scanSocofing(options.source.clean);
    std::vector<FilePair> pairs;
    for (const SocofingPair& p : scan.pairs) {
        FilePair pair;
        pair.clean = p.real.path;
        pair.damaged = p.altered.path;
        if (p.altered.name.alteration)
            pair.kind = toString(*p.altered.name.alteration);
        if (p.altered.name.level)
            pair.level = toString(*p.altered.name.level);
        pairs.push_back(pair);
    }
    auto list = std::make_unique<FilePairCases>(std::move(pairs));
    list->skipped = scan.skipped;
    return list;
}

bool isMaskName(const std::string& stem)
{
    auto endsWith = [&](const std::string& suffix) {
        return stem.size() > suffix.size() &&
               stem.compare(stem.size() - suffix.size(), suffix.size(), suffix) == 0;
    };
    return endsWith("_mask") || endsWith(".mask");
}

// Damaged "<clean stem>_<kind>[...]" is matched to the clean print with the longest stem that
// prefixes it (the names the damage command writes); an equal stem matches too.
std::unique_ptr<CaseList> pairCases(const EvaluationOptions& options)
{
    const EvaluationSource& source = options.source;
    std::vector<std::pair<std::string, fs::path>> cleanByStem;
    for (const fs::path& file : listImageFiles(source.clean))
        cleanByStem.emplace_back(file.stem().string(), file);
    std::sort(cleanByStem.begin(), cleanByStem.end(),
              [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });

    std::vector<FilePair> pairs;
    std::vector<SkippedFile> skipped;
    for (const fs::path& file : listImageFiles(source.damaged)) {
        const std::string stem = file.stem().string();
        if (isMaskName(stem))
            continue;
        const auto clean = std::find_if(cleanByStem.begin(), cleanByStem.end(), [&](const auto& c) {
            return stem == c.first ||
                   (stem.size() > c.first.size() + 1 &&
                    stem.compare(0, c.first.size(), c.first) == 0 && stem[c.first.size()] == '_');
        });
        if (clean == cleanByStem.end()) {
            skipped.push_back({file.string(), "no clean print whose name prefixes it"});
            continue;
        }
        FilePair pair;
        pair.clean = clean->second;
        pair.damaged = file;
        if (stem.size() > clean->first.size()) {
            const std::string rest = stem.substr(clean->first.size() + 1);
            const std::string kindName = rest.substr(0, rest.find('_'));
            if (damageKindFromString(kindName))
                pair.kind = kindName;
        }
        std::error_code ec;
        const fs::path maskDir = source.masks.empty() ? file.parent_path() : source.masks;
        for (const std::string& name : {stem + "_mask", stem + ".mask", stem}) {
            const fs::path candidate = maskDir / (name + file.extension().string());
            const fs::path png = maskDir / (name + ".png");
            for (const fs::path& m : {png, candidate})
                if (pair.mask.empty() && fs::is_regular_file(m, ec) && !fs::equivalent(m, file, ec))
                    pair.mask = m;
        }
        pairs.push_back(pair);
    }
    auto list = std::make_unique<FilePairCases>(std::move(pairs));
    list->skipped = std::move(skipped);
    return list;
}

}  // namespace

std::unique_ptr<CaseList> listCases(const EvaluationOptions& options)
{
    switch (options.source.kind) {
    case EvaluationSourceKind::Socofing: return socofingCases(options);
    case EvaluationSourceKind::Pairs: return pairCases(options);
    case EvaluationSourceKind::Synthetic: return std::make_unique<SyntheticCases>(options);
    }
    return std::make_unique<SyntheticCases>(options);
}

}  // namespace rw::evaluation
