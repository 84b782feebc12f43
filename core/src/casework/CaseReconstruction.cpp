#include "ridgeworks/casework/CaseReconstruction.h"
#include "casework/CaseRecords.h"
#include "ridgeworks/common/Error.h"
#include "ridgeworks/common/Sha256.h"
#include "ridgeworks/image/ImageLoader.h"
#include "ridgeworks/image/ImageWriter.h"
#include "ridgeworks/model/Model.h"

#include <optional>

namespace rw {

namespace fs = std::filesystem;

const DerivedItem& reconstructInCase(Case& c, const CaseReconstructionRequest& request,
                                     const CancelToken& cancel)
{
    const Print print = loadPrint(itemImageFile(c, request.itemId));
    ReconstructionOptions options = request.options;
    options.mask = cv::Mat();
    options.detector = nullptr;
    std::string maskFrom = request.maskFrom == "none" ? std::string() : request.maskFrom;
    if (request.maskFrom.empty()) {
        const DerivedItem* own = findDerivedItem(c, request.itemId);
        if (own && own->kind == "damage")
            maskFrom = request.itemId;
    }

    DerivedItem item;
    item.kind = "reconstruction";
    item.operation = casework::kReconstructOperation;
    item.parents = {request.itemId};
    std::optional<Model> detector;
    if (maskFrom == "detect") {
        if (request.detector.empty())
            throw Error(ErrorKind::InvalidArgument, "a detected mask needs a damage-detector");
        detector = Model::load(request.detector);
        options.detector = &*detector;
        item.parameters["detector"] = fs::absolute(request.detector).string();
        item.parameters["detectorSha256"] = sha256OfFile(request.detector);
    } else if (!maskFrom.empty()) {
        options.mask =
            loadDamageMask(casework::maskFileOf(c, maskFrom).string(), print.pixels.size());
        if (maskFrom != request.itemId)
            item.parents.push_back(maskFrom);
    }
    // The classical method is named, not loaded: it has no file and no hash to record.
    const bool classical = request.model == kRidgeContinuationMethod;
    std::optional<Model> model;
    if (!classical)
        model = Model::load(request.model);
    const Reconstruction r =
        reconstructWith(model ? &*model : nullptr, print.pixels, options, cancel);

    for (const auto& [name, value] : casework::reconstructionParameters(options))
        item.parameters[name] = value;
    item.parameters["maskFrom"] = maskFrom.empty() ? "none" : maskFrom;
    if (model) {
        item.parameters["model"] = fs::absolute(request.model).string();
        item.parameters["modelName"] = model->card().name;
        item.modelSha256 = sha256OfFile(request.model);
    } else {
        item.parameters["model"] = kRidgeContinuationMethod;
        item.parameters["modelName"] = kRidgeContinuationTitle;
    }
    item.examiner = request.examiner;
    cv::Mat confidence;
    r.confidence.convertTo(confidence, CV_8UC1, 255.0);
    std::vector<NewCaseFile> files{{"reconstructed.png", encodePng(r.image, print.ppi)},
                                   {"changed.png", encodePng(r.changedMask, print.ppi)},
                                   {"confidence.png", encodePng(confidence, print.ppi)}};
    if (r.maskOrigin == MaskOrigin::Detected)
        files.push_back({"detected-mask.png", encodePng(r.damageMask, print.ppi)});
    return addDerivedItem(c, item, files);
}

}  // namespace rw
