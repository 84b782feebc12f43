#include "ridgeworks/model/ModelCard.h"

#include "ridgeworks/common/Error.h"

#include <nlohmann/json.hpp>

namespace rw {
namespace {

using nlohmann::json;

json toJson(const EpochMetrics& m)
{
    return json{{"epoch", m.epoch},
                {"trainLoss", m.trainLoss},
                {"validationLoss", m.validationLoss},
                {"validationPsnr", m.validationPsnr},
                {"validationSsim", m.validationSsim},
                {"validationIou", m.validationIou},
                {"seconds", m.seconds},
                {"imagesPerSecond", m.imagesPerSecond}};
}

EpochMetrics epochFromJson(const json& j)
{
    EpochMetrics m;
    m.epoch = j.at("epoch").get<int>();
    m.trainLoss = j.at("trainLoss").get<double>();
    m.validationLoss = j.at("validationLoss").get<double>();
    m.validationPsnr = j.at("validationPsnr").get<double>();
    m.validationSsim = j.at("validationSsim").get<double>();
    m.validationIou = j.value("validationIou", 0.0);
    m.seconds = j.value("seconds", 0.0);
    m.imagesPerSecond = j.value("imagesPerSecond", 0.0);
    return m;
}

template <typename Enum>
Enum parsed(const std::optional<Enum>& value, const std::string& field, const std::string& text)
{
    if (!value)
        throw std::invalid_argument("unknown " + field + " '" + text + "'");
    return *value;
}

}  // namespace

std::string ModelCard::toJson() const
{
    json history = json::array();
    for (const EpochMetrics& m : this->history)
        history.push_back(rw::toJson(m));
    json data = json::parse(dataJson.empty() ? "{}" : dataJson, nullptr, false);
    if (data.is_discarded())
        data = json::object();
    const json startingModel = initialisedFrom.weightsSha256.empty()
                                   ? json(nullptr)
                                   : json{{"name", initialisedFrom.name},
                                          {"weightsSha256", initialisedFrom.weightsSha256},
                                          {"epochs", initialisedFrom.epochs},
                                          {"loss", initialisedFrom.loss}};
    const json card{
        {"format", "ridgeworks-model-card"},
        {"formatVersion", 1},
        {"name", name},
        {"architecture", rw::toString(spec.architecture)},
        {"inputSize", spec.inputSize},
        {"inputChannels", spec.inputChannels()},
        {"baseChannels", spec.effectiveBaseChannels()},
        {"holeFill", rw::toString(spec.holeFill)},
        {"levels", spec.effectiveLevels()},
        {"normalisation", normalisation},
        {"training",
         {{"loss", rw::toString(loss)},
          {"pairs", rw::toString(pairMode)},
          {"epochsRequested", epochsRequested},
          {"batchSize", batchSize},
          {"learningRate", learningRate},
          {"optimizer", "Adam"},
          {"seed", seed},
          {"threads", threads},
          {"precision", precision},
          {"memoryLayout", memoryLayout},
          {"patience", patience},
          {"ridgePeriod", trainingRidgePeriod},
          {"commandLine", commandLine},
          {"initialisedFrom", startingModel}}},
        {"data", data},
        {"results",
         {{"history", history},
          {"bestEpoch", bestEpoch},
          {"epochsCompleted", epochsCompleted},
          {"stoppedEarly", stoppedEarly},
          {"trainingSeconds", trainingSeconds}}},
        {"createdUtc", createdUtc},
        {"softwareVersion", softwareVersion},
        {"torchVersion", torchVersion},
        {"weightsSha256", weightsSha256},
    };
    return card.dump(2);
}

ModelCard ModelCard::fromJson(const std::string& text, const std::string& sourceName)
{
    try {
        const json j = json::parse(text);
        if (j.value("format", std::string()) != "ridgeworks-model-card")
            throw std::invalid_argument("not a Ridgeworks model card");
        ModelCard card;
        card.name = j.at("name").get<std::string>();
        const std::string arch = j.at("architecture").get<std::string>();
        card.spec.architecture = parsed(architectureFromString(arch), "architecture", arch);
        card.spec.inputSize = j.at("inputSize").get<int>();
        card.spec.baseChannels = j.at("baseChannels").get<int>();
        const std::string fill = j.value("holeFill", std::string("grey"));
        card.spec.holeFill = parsed(holeFillFromString(fill), "hole fill", fill);
        card.spec.levels = j.value("levels", 0);
        card.normalisation = j.value("normalisation", card.normalisation);
        const json& t = j.at("training");
        const std::string loss = t.at("loss").get<std::string>();
        card.loss = parsed(lossFromString(loss), "loss", loss);
        const std::string pairs = t.at("pairs").get<std::string>();
        card.pairMode = parsed(pairModeFromString(pairs), "pair mode", pairs);
        card.epochsRequested = t.at("epochsRequested").get<int>();
        card.batchSize = t.at("batchSize").get<int>();
        card.learningRate = t.at("learningRate").get<double>();
        card.seed = t.at("seed").get<std::uint64_t>();
        card.threads = t.value("threads", 0);
        card.precision = t.value("precision", std::string("fp32"));
        card.patience = t.value("patience", 0);
        card.memoryLayout = t.value("memoryLayout", std::string("contiguous"));
        card.commandLine = t.value("commandLine", std::string());
        card.trainingRidgePeriod = t.value("ridgePeriod", 0.0);
        if (const auto from = t.find("initialisedFrom"); from != t.end() && from->is_object()) {
            card.initialisedFrom.name = from->at("name").get<std::string>();
            card.initialisedFrom.weightsSha256 = from->at("weightsSha256").get<std::string>();
            card.initialisedFrom.epochs = from->at("epochs").get<int>();
            card.initialisedFrom.loss = from->value("loss", std::string());
        }
        card.dataJson = j.value("data", json::object()).dump();
        const json& r = j.at("results");
        for (const json& e : r.at("history"))
            card.history.push_back(epochFromJson(e));
        card.bestEpoch = r.at("bestEpoch").get<int>();
        card.epochsCompleted = r.at("epochsCompleted").get<int>();
        card.stoppedEarly = r.value("stoppedEarly", false);
        card.trainingSeconds = r.value("trainingSeconds", 0.0);
        card.createdUtc = j.value("createdUtc", std::string());
        card.softwareVersion = j.value("softwareVersion", std::string());
        card.torchVersion = j.value("torchVersion", std::string());
        card.weightsSha256 = j.value("weightsSha256", std::string());
        if (card.spec.inputSize < 8 || card.spec.inputSize > 4096)
            throw std::invalid_argument("input size out of range");
        if (card.spec.levels != 0 && card.spec.architecture != Architecture::SeedAutoencoder &&
            (card.spec.levels < kMinUNetLevels || card.spec.levels > kMaxUNetLevels))
            throw std::invalid_argument("levels out of range");
        return card;
    } catch (const std::exception& e) {
        throw Error(ErrorKind::Truncated, std::string("bad model card: ") + e.what(), sourceName);
    }
}

}  // namespace rw
