#pragma once
// One training job as the GUI sees it: the settings it was queued with, where it is, and
// everything its charts and sample view show. Lives on the GUI thread only (TrainingQueue
// fills it from the worker's progress through queued calls).
#include <ridgeworks/train/Trainer.h>

#include <QImage>
#include <QList>
#include <QPointF>
#include <QString>

#include <optional>

namespace rw {

struct TrainingJob {
    enum class State { Queued, Preparing, Running, Finished, Failed, Cancelled };

    int id = 0;
    QString title;  // the model name, or "<architecture> · <source>"
    TrainConfig config;
    State state = State::Queued;
    QString message;  // the latest progress line, or the failure / cancel reason

    // Progress of the current phase.
    int epoch = 0;  // 1-based epoch in progress
    int epochs = 0;
    qint64 batch = 0;  // batches done in this epoch (or preparation steps while preparing)
    qint64 batches = 0;
    double fraction = 0.0;  // of the whole run, 0..1
    double imagesPerSecond = 0.0;
    double etaSeconds = 0.0;

    // Curves: x is the epoch position (epoch 2, batch 3 of 10 → 1.3), y the value.
    QList<QPointF> batchLoss;       // running mean training loss, per batch
    QList<QPointF> trainLoss;       // per epoch
    QList<QPointF> validationLoss;  // per epoch
    QList<QPointF> validationPsnr;  // per epoch, dB
    QList<QPointF> validationSsim;  // per epoch
    int bestEpoch = 0;

    // The fixed validation example after the latest epoch (8-bit copies made on arrival).
    QImage sampleInput, sampleOutput, sampleTarget;

    QString checkpointPath;             // where the model is (being) written
    std::optional<TrainResult> result;  // Finished only

    bool isActive() const { return state == State::Preparing || state == State::Running; }
    bool isEnded() const
    {
        return state == State::Finished || state == State::Failed || state == State::Cancelled;
    }
};

// "queued", "preparing", "running", "finished", "failed", "cancelled".
QString trainingStateName(TrainingJob::State state);
// "1 h 02 min", "3 min 05 s", "12 s".
QString durationText(double seconds);

}  // namespace rw
